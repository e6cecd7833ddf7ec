package org.parkhub.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows guessing of secrets: after {@code maxFailures} wrong guesses for one key (a console user name, a
 * client's address) that key is locked for {@code lockout}; {@link #succeeded} clears its count.
 */
public class GuessThrottle {

    /** Keys tracked at most, so that guesses under many invented names cannot fill the memory. */
    private static final int MAX_TRACKED = 10_000;

    private record Failures(int count, Instant lockedUntil) {
    }

    private final int maxFailures;
    private final Duration lockout;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    public GuessThrottle(int maxFailures, Duration lockout, Clock clock) {
        this.maxFailures = maxFailures;
        this.lockout = lockout;
        this.clock = clock;
    }

    /** How long the key must still wait, when locked. */
    public Optional<Duration> lockedFor(String key) {
        Failures seen = failures.get(key);
        if (seen == null || seen.lockedUntil() == null) {
            return Optional.empty();
        }
        Duration left = Duration.between(clock.instant(), seen.lockedUntil());
        return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
    }

    public void failed(String key) {
        if (failures.size() >= MAX_TRACKED && !failures.containsKey(key)) {
            failures.clear();
        }
        failures.compute(key, (name, seen) -> {
            int count = seen == null || seen.lockedUntil() != null ? 1 : seen.count() + 1;
            return count >= maxFailures ? new Failures(count, clock.instant().plus(lockout)) : new Failures(count, null);
        });
    }

    public void succeeded(String key) {
        failures.remove(key);
    }
}
