package org.parkhub.delivery;

import java.time.Duration;

/**
 * Pushing copies to webhooks: attempts per copy (a participant may set its own), the exponential backoff
 * between them, the time one request may take, and how long an endpoint's open circuit stays shut; FTP outbox
 * files: how many copies and how many seconds at most make one (a participant may set its own); whether webhooks
 * may point into the park's own network.
 */
public record DeliverySettings(int maxAttempts, Duration retryBase, Duration retryMax, Duration timeout,
        Duration breakerOpen, int outboxBatchSize, int outboxBatchSeconds,
        boolean allowInternalTargets) {
}
