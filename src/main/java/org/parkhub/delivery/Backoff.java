package org.parkhub.delivery;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The wait before the next attempt: doubling from {@code base} after each failure up to {@code max}, less a
 * random part of up to a quarter (jitter), so that copies held up by the same outage do not all return at once.
 */
public record Backoff(Duration base, Duration max) {

    private static final double JITTER = 0.25;

    public Duration after(int failedAttempts) {
        long exponential = base.toMillis() << Math.min(Math.max(failedAttempts - 1, 0), 30);
        long capped = Math.min(exponential <= 0 ? Long.MAX_VALUE : exponential, max.toMillis());
        long jitter = (long) (capped * JITTER * ThreadLocalRandom.current().nextDouble());
        return Duration.ofMillis(capped - jitter);
    }
}
