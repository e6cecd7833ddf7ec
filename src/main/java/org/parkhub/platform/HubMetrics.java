package org.parkhub.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.parkhub.model.Channel;
import org.parkhub.model.MessageType;

/**
 * The hub's own measurements, beside Camel's route and JVM metrics on {@code /observe/metrics}: messages
 * accepted and rejected per channel, type and sender; copies delivered, failed and given up per recipient;
 * and each recipient's backlog.
 */
public class HubMetrics {

    /** The backlog is read from the journal and the broker: at most this often, however often it is scraped. */
    private static final Duration BACKLOG_FRESHNESS = Duration.ofSeconds(5);

    private final MeterRegistry registry;
    private volatile Map<String, Long> backlog = Map.of();
    private volatile Instant backlogAt = Instant.MIN;

    public HubMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void received(Channel channel, MessageType type, String sender, long accepted, long rejected) {
        count("parkhub.messages.accepted", "messages journaled", channel, type, sender, accepted);
        count("parkhub.messages.rejected", "messages refused with errors to their sender", channel, type, sender, rejected);
    }

    /** A recipient's copies: {@code outcome} delivered, failed (an attempt) or dead. */
    public void copies(String recipient, String outcome, long n) {
        Counter.builder("parkhub.deliveries").description("recipients' copies by outcome")
                .tag("recipient", recipient).tag("outcome", outcome).register(registry).increment(n);
    }

    /** One gauge per recipient, read from {@code source} (recipient to copies waiting; null when it cannot tell). */
    public void backlog(Collection<String> recipients, Supplier<Map<String, Long>> source) {
        for (String recipient : recipients) {
            Gauge.builder("parkhub.backlog", () -> current(source).getOrDefault(recipient, 0L))
                    .description("copies still on their way to the recipient").tag("recipient", recipient)
                    .register(registry);
        }
    }

    private Map<String, Long> current(Supplier<Map<String, Long>> source) {
        if (backlogAt.plus(BACKLOG_FRESHNESS).isBefore(Instant.now())) {
            Map<String, Long> read = source.get();
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
