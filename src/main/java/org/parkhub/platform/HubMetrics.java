package org.parkhub.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.parkhub.ingest.IntakeMetrics;
import org.parkhub.journal.DeliveryMetrics;
import org.parkhub.journal.TrafficLog;
import org.parkhub.model.Channel;
import org.parkhub.model.MessageType;
import org.parkhub.routing.RoutingMetrics;

/**
 * The hub's own measurements, beside Camel's route and JVM metrics on {@code /observe/metrics}: messages
 * accepted and rejected per channel, type and sender (also counted per minute in the traffic log, for the
 * console); copies delivered, failed and given up per recipient;
 * and each recipient's backlog.
 */
public class HubMetrics implements IntakeMetrics, RoutingMetrics, DeliveryMetrics {

    /** The backlog is read from the journal and the broker: at most this often, however often it is scraped. */
    private static final Duration BACKLOG_FRESHNESS = Duration.ofSeconds(5);

    private final MeterRegistry registry;
    private final TrafficLog traffic;
    private volatile Supplier<Map<String, Long>> backlogSource = Map::of;
    private volatile Map<String, Long> backlog = Map.of();
    private volatile Instant backlogAt = Instant.MIN;

    public HubMetrics(MeterRegistry registry, TrafficLog traffic) {
        this.registry = registry;
        this.traffic = traffic;
    }

    @Override
    public void received(Channel channel, MessageType type, String sender, long accepted, long rejected) {
        count("parkhub.messages.accepted", "messages journaled", channel, type, sender, accepted);
        count("parkhub.messages.rejected", "messages refused with errors to their sender", channel, type, sender, rejected);
        traffic.add(TrafficLog.Direction.IN, channel.code(), type.path(), sender, accepted, rejected);
    }

    @Override
    public void intakeTime(Channel channel, MessageType type, String sender, Duration took) {
        Timer.builder("parkhub.intake").description("time to validate and journal one request or file")
                .tag("channel", channel.code()).tag("type", type.path()).tag("sender", sender).register(registry).record(took);
    }

    @Override
    public void dispatched(String channel, MessageType type, String recipient) {
        Counter.builder("parkhub.copies.dispatched").description("copies routed to recipients")
                .tag("recipient", recipient).tag("type", type.path()).register(registry).increment();
        traffic.add(TrafficLog.Direction.OUT, channel, type.path(), recipient, 1, 0);
    }

    @Override
    public void copies(String recipient, String outcome, long n) {
        Counter.builder("parkhub.deliveries").description("recipients' copies by outcome")
                .tag("recipient", recipient).tag("outcome", outcome).register(registry).increment(n);
    }

    /** Gauges of the embedded database's file: its size, and the live share of its chunks. */
    void watchEmbeddedDatabase(EmbeddedStoreCompaction compaction) {
        Gauge.builder("parkhub.database.file", compaction::fileBytes).baseUnit("bytes")
                .description("size of the embedded database's file").register(registry);
        Gauge.builder("parkhub.database.live", compaction::liveShare).baseUnit("ratio")
                .description("live share of the embedded database's file, kept above "
                        + EmbeddedStoreCompaction.TARGET_FILL_RATE + "% by its compaction").register(registry);
    }

    /** Where the backlog gauges read from: recipient to copies waiting (null when it cannot tell). */
    public void backlogSource(Supplier<Map<String, Long>> source) {
        this.backlogSource = source;
    }

    /** A backlog gauge for the recipient (once per recipient; again is harmless). */
    public void watchBacklog(String recipient) {
        Gauge.builder("parkhub.backlog", () -> latestBacklog().getOrDefault(recipient, 0L))
                .description("copies still on their way to the recipient").tag("recipient", recipient)
                .register(registry);
    }

    /** The latest backlog per recipient, read at most every few seconds. */
    public Map<String, Long> latestBacklog() {
        if (backlogAt.plus(BACKLOG_FRESHNESS).isBefore(Instant.now())) {
            Map<String, Long> read = backlogSource.get();
            if (read != null) {
                backlog = read;
            }
            backlogAt = Instant.now();
        }
        return backlog;
    }

    private void count(String name, String description, Channel channel, MessageType type, String sender, long n) {
        if (n > 0) {
            Counter.builder(name).description(description).tag("channel", channel.code()).tag("type", type.path())
                    .tag("sender", sender).register(registry).increment(n);
        }
    }
}
