package org.parkhub.delivery;

import java.time.Duration;

import org.parkhub.config.Setting;
import org.parkhub.config.SettingGroup;
import org.parkhub.config.SettingValues;

/**
 * Pushing copies to webhooks: attempts per copy (a participant may set its own), the exponential backoff
 * between them, the time one request may take, and how long an endpoint's open circuit stays shut; FTP outbox
 * files: how many copies and how many seconds at most make one (a participant may set its own); whether webhooks
 * may point into the park's own network.
 */
public record DeliverySettings(int maxAttempts, Duration retryBase, Duration retryMax, Duration timeout,
        Duration breakerOpen, int outboxBatchSize, int outboxBatchSeconds,
        boolean allowInternalTargets) {

    public static final Setting MAX_ATTEMPTS = Setting.of("delivery.max-attempts", "8",
            "webhook attempts per copy before it becomes a dead letter (a participant's delivery may set `maxAttempts`)");
    public static final Setting RETRY_BASE_MS = Setting.of("delivery.retry-base-ms", "1000",
            "the wait after a copy's first failed attempt, doubling (with jitter) after each next one");
    public static final Setting RETRY_MAX_MS = Setting.of("delivery.retry-max-ms", "300000", "the longest such wait");
    public static final Setting TIMEOUT_MS = Setting.of("delivery.timeout-ms", "10000",
            "the time one webhook request may take");
    public static final Setting BREAKER_OPEN_MS = Setting.of("delivery.breaker-open-ms", "30000",
            "how long an endpoint that keeps failing is left alone (circuit breaker)");
    public static final Setting ALLOW_INTERNAL_TARGETS = Setting.of("delivery.allow-internal-targets", "false",
            "`true` lets webhooks point into the park's own network (loopback, private, link-local, CGNAT); refused "
                    + "when set and at each delivery otherwise");
    public static final Setting OUTBOX_BATCH_SIZE = Setting.of("delivery.outbox-batch-size", "500",
            "an FTP outbox file holds at most this many copies of one type (a participant's delivery may set `batchSize`)");
    public static final Setting OUTBOX_BATCH_SECONDS = Setting.of("delivery.outbox-batch-seconds", "60",
            "and is written at the latest this many seconds after its first copy (`batchSeconds`)");
    /** Read by routes/delivery.camel.yaml. */
    public static final Setting OUTBOX_POLL_MS = Setting.of("delivery.outbox-poll-ms", "1000",
            "how often the hub looks for FTP outbox files due");

    public static final SettingGroup SETTINGS = new SettingGroup("Deliveries", MAX_ATTEMPTS, RETRY_BASE_MS,
            RETRY_MAX_MS, TIMEOUT_MS, BREAKER_OPEN_MS, ALLOW_INTERNAL_TARGETS, OUTBOX_BATCH_SIZE,
            OUTBOX_BATCH_SECONDS, OUTBOX_POLL_MS);

    public static DeliverySettings from(SettingValues values) {
        return new DeliverySettings(values.integer(MAX_ATTEMPTS), values.millis(RETRY_BASE_MS),
                values.millis(RETRY_MAX_MS), values.millis(TIMEOUT_MS), values.millis(BREAKER_OPEN_MS),
                values.integer(OUTBOX_BATCH_SIZE), values.integer(OUTBOX_BATCH_SECONDS),
                values.flag(ALLOW_INTERNAL_TARGETS));
    }
}
