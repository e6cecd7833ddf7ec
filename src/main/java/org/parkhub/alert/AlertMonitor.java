package org.parkhub.alert;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.parkhub.delivery.WebhookSignature;
import org.parkhub.journal.DeliveryLog;
import org.parkhub.journal.TrafficLog;
import org.parkhub.model.CanonicalMapper;
import org.parkhub.participant.ParticipantDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the alert rules on a timer (routes/administration.camel.yaml): keeps the alerts that hold, with the
 * time each was first seen; shows them as the {@code parkhub_alert{kind,subject}} gauge (1 while it holds, 0
 * after) and {@code parkhub_alerts}; and posts each raised and cleared alert to the operations webhook when
 * one is set, signed like webhook deliveries. A post that fails is tried again at the next check.
 */
public class AlertMonitor {

    private static final Logger LOG = LoggerFactory.getLogger(AlertMonitor.class);
    private static final Duration RATE_WINDOW = Duration.ofHours(1);
    /** Notifications kept for an operations webhook that does not answer; the oldest go first. */
    private static final int MAX_PENDING = 200;

    private final AlertRules rules;
    private final ParticipantDirectory participants;
    private final TrafficLog traffic;
    private final DeliveryLog deliveries;
    private final Supplier<Map<String, Long>> backlog;
    private final Path dataDir;
    private final MeterRegistry registry;
    private final AlertSettings settings;
    private final Clock clock;
    private final Supplier<Map<String, String>> failedSources;
    private final Function<OffsetDateTime, Map<String, String>> stuckDeclarations;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Alert> active = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> gauges = new ConcurrentHashMap<>();
    private final Deque<Map<String, Object>> pending = new ArrayDeque<>();

    public AlertMonitor(AlertRules rules, ParticipantDirectory participants, TrafficLog traffic, DeliveryLog deliveries,
                        Supplier<Map<String, Long>> backlog, Supplier<Map<String, String>> failedSources,
                        Function<OffsetDateTime, Map<String, String>> stuckDeclarations, Path dataDir,
                        MeterRegistry registry, AlertSettings settings, Clock clock) {
        this.rules = rules;
        this.stuckDeclarations = stuckDeclarations;
        this.failedSources = failedSources;
        this.participants = participants;
        this.traffic = traffic;
        this.deliveries = deliveries;
        this.backlog = backlog;
        this.dataDir = dataDir;
        this.registry = registry;
        this.settings = settings;
        this.clock = clock;
        Gauge.builder("parkhub.alerts", active, Map::size).description("alerts that hold now").register(registry);
    }

    /** The alerts that hold, oldest first. */
    public List<Alert> active() {
        return active.values().stream().sorted((a, b) -> a.since().compareTo(b.since())).toList();
    }

    public synchronized void check() throws IOException {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Alert> holding = rules.evaluate(new AlertRules.Snapshot(now, participants.all(), traffic.lastActivity(),
                traffic.perParticipant(now.minus(RATE_WINDOW).toInstant()), deliveries.deadPerRecipient(),
                backlog.get(), Files.getFileStore(dataDir).getUsableSpace(), failedSources.get(),
                stuckDeclarations.apply(now)));
        Map<String, Alert> next = new LinkedHashMap<>();
        for (Alert alert : holding) {
            Alert earlier = active.get(alert.key());
            next.put(alert.key(), earlier == null ? alert
                    : new Alert(alert.kind(), alert.subject(), alert.detail(), earlier.since()));
            if (earlier == null) {
                LOG.warn("alert raised: {} {}: {}", alert.kind(), alert.subject(), alert.detail());
                notify(alert, "raised", now);
            }
        }
        for (Alert gone : active.values()) {
            if (!next.containsKey(gone.key())) {
                LOG.info("alert cleared: {} {}", gone.kind(), gone.subject());
                notify(gone, "cleared", now);
            }
        }
        active.keySet().retainAll(next.keySet());
        active.putAll(next);
        gauges.forEach((key, value) -> value.set(active.containsKey(key) ? 1 : 0));
        for (Alert alert : active.values()) {
            gauges.computeIfAbsent(alert.key(), key -> {
                AtomicInteger value = new AtomicInteger(1);
                Gauge.builder("parkhub.alert", value, AtomicInteger::get).description("1 while the alert holds")
                        .tag("kind", alert.kind().name()).tag("subject", alert.subject()).register(registry);
                return value;
            });
        }
        sendPending();
    }

    private void notify(Alert alert, String state, OffsetDateTime now) {
        if (settings.opsWebhookUrl().isEmpty()) {
            return;
        }
        Map<String, Object> notice = new LinkedHashMap<>();
        notice.put("state", state);
        notice.put("kind", alert.kind().name());
        notice.put("subject", alert.subject());
        notice.put("detail", alert.detail());
        notice.put("since", alert.since());
        notice.put("at", now);
        if (pending.size() >= MAX_PENDING) {
            pending.removeFirst();
        }
        pending.addLast(notice);
    }

    private void sendPending() {
        while (!pending.isEmpty()) {
            Map<String, Object> notice = pending.peekFirst();
            byte[] body = CanonicalMapper.toJson(notice).getBytes(StandardCharsets.UTF_8);
            long timestamp = clock.instant().getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(URI.create(settings.opsWebhookUrl()))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header(WebhookSignature.TIMESTAMP_HEADER, String.valueOf(timestamp))
                    .header(WebhookSignature.HEADER, WebhookSignature.sign(settings.opsWebhookSecret(), timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            try {
                int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status / 100 != 2) {
                    LOG.warn("operations webhook answered {}; the alert notice is sent again at the next check", status);
                    break;
                }
                pending.removeFirst();
            } catch (IOException e) {
                LOG.warn("operations webhook unreachable ({}); the alert notice is sent again at the next check", e.getMessage());
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
    }
}
