package org.parkhub.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing on the console login: after {@code maxFailures} wrong passwords in a row for one
 * user name, that name is locked for {@code lockout}; a successful login clears its count.
 */
public class LoginThrottle {

    /** Names tracked at most, so that guesses at many invented names cannot fill the memory. */
    private static final int MAX_TRACKED = 10_000;

    private record Failures(int count, Instant lockedUntil) {
    }

    private final int maxFailures;
    private final Duration lockout;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    public LoginThrottle(int maxFailures, Duration lockout, Clock clock) {
        this.maxFailures = maxFailures;
        this.lockout = lockout;
        this.clock = clock;
    }

    /** How long the user must still wait, when locked. */
    public Optional<Duration> lockedFor(String user) {
        Failures seen = failures.get(user);
        if (seen == null || seen.lockedUntil() == null) {
            return Optional.empty();
        }
        Duration left = Duration.between(clock.instant(), seen.lockedUntil());
        return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
    }

    public void failed(String user) {
        if (failures.size() >= MAX_TRACKED && !failures.containsKey(user)) {
            failures.clear();
        }
        failures.compute(user, (name, seen) -> {
            int count = seen == null || seen.lockedUntil() != null ? 1 : seen.count() + 1;
            return count >= maxFailures ? new Failures(count, clock.instant().plus(lockout)) : new Failures(count, null);
        });
    }

    public void succeeded(String user) {
        failures.remove(user);
    }
}
