package org.parkhub.guard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.parkhub.config.Setting;
import org.parkhub.config.SettingGroup;
import org.parkhub.config.SettingValues;

/**
 * Slows the guessing of secrets on every channel (REST, FTP, broker, console), counted per account and client
 * address together, and per address alone:
 * <ul>
 *   <li>an account (a participant, a console user) that got {@code maxFailures} wrong secrets from one address is
 *   locked there for {@code lockout}, even for the right secret; the same account from other addresses, and other
 *   accounts from that address, are not;</li>
 *   <li>an address that got {@code addressMaxFailures} wrong secrets for any accounts is slowed: it may have one
 *   costly check (a password hash) per {@code addressPace}, so a park's shared NAT still gets through while
 *   guesses at many accounts crawl.</li>
 * </ul>
 * Counts are changed atomically, so parallel guesses cannot reset a lock. Memory is bounded: when more than
 * {@code maxTracked} keys are tracked, the entries that protect least (lapsed, then unlocked, oldest first) go,
 * never everything at once.
 */
public class GuessThrottle {

    /** An account a secret is checked for; its kind keeps console users apart from participants of the same name. */
    public record Account(String key, int maxFailures) {
    }

    /** A check that would cost a password hash came too soon from a slowed address. */
    public static final class Slowed extends Exception {
        private final transient Duration retryAfter;

        public Slowed(Duration retryAfter) {
            super("too many wrong secrets from this address: one check per pace", null, false, false);
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }

    /** Asked before a costly check of a secret not yet proven: throws when the address must wait. */
    @FunctionalInterface
    public interface Turn {
        void take() throws Slowed;
    }

    /** The throttle's settings: how many wrong secrets lock an account at an address, slow an address, and for how long. */
    public record Limits(int maxFailures, int consoleMaxFailures, int addressMaxFailures, Duration lockout,
                         Duration addressPace, int maxTracked) {

        public static final Setting MAX_FAILURES = Setting.of("guessing.max-failures", "20",
                "wrong secrets (API key, FTP, broker password) for one account from one client address before that "
                        + "account is locked there for the lockout, even for the right secret (429 / 421 / refused); "
                        + "other addresses, and other accounts behind the same address, go on");
        public static final Setting CONSOLE_MAX_FAILURES = Setting.of("admin.login-max-failures", "5",
                "the same for a console user's password");
        public static final Setting LOCKOUT_SECONDS = Setting.of("guessing.lockout-seconds", "300", "the lockout");
        public static final Setting ADDRESS_MAX_FAILURES = Setting.of("guessing.address-max-failures", "100",
                "wrong secrets from one address, for any accounts, before it is slowed to one password check per pace");
        public static final Setting ADDRESS_PACE_MS = Setting.of("guessing.address-pace-ms", "1000", "that pace");
        public static final Setting MAX_TRACKED = Setting.of("guessing.max-tracked", "100000",
                "accounts and addresses tracked at most (the least telling go first when full)");

        public static final SettingGroup SETTINGS = new SettingGroup("Guessing secrets", MAX_FAILURES,
                CONSOLE_MAX_FAILURES, LOCKOUT_SECONDS, ADDRESS_MAX_FAILURES, ADDRESS_PACE_MS, MAX_TRACKED);

        public static Limits from(SettingValues values) {
            return new Limits(values.integer(MAX_FAILURES), values.integer(CONSOLE_MAX_FAILURES),
                    values.integer(ADDRESS_MAX_FAILURES), values.seconds(LOCKOUT_SECONDS), values.millis(ADDRESS_PACE_MS),
                    values.integer(MAX_TRACKED));
        }
    }

    /** Failures within the window that began at {@code since}; locked (pairs) or slowed (addresses) until a time. */
    private record Entry(int count, Instant since, Instant lockedUntil, Instant nextTurn) {

        boolean lapsed(Instant now, Duration window) {
            return !now.isBefore(since.plus(window)) && (lockedUntil == null || !now.isBefore(lockedUntil));
        }
    }

    private final Limits limits;
    private final Clock clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicBoolean trimming = new AtomicBoolean();

    public GuessThrottle(Limits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    public Account participant(String id) {
        return new Account("participant:" + id, limits.maxFailures());
    }

    public Account consoleUser(String name) {
        return new Account("console:" + name, limits.consoleMaxFailures());
    }

    /** How long the account must still wait at this address, when locked there. */
    public Optional<Duration> lockedFor(Account account, String address) {
        return account == null ? Optional.empty() : remaining(entries.get(pair(account, address)));
    }

    /** Whether the address is slowed now (its failures answer 429 rather than 401). */
    public boolean slowed(String address) {
        Entry seen = entries.get(address(address));
        return seen != null && seen.lockedUntil() != null && clock.instant().isBefore(seen.lockedUntil());
    }

    /** A turn for one costly check from the address: at once unless it is slowed and had its turn this pace. */
    public void takeTurn(String address) throws Slowed {
        Instant now = clock.instant();
        Duration[] wait = {Duration.ZERO};
        entries.computeIfPresent(address(address), (key, seen) -> {
            if (seen.lockedUntil() == null || !now.isBefore(seen.lockedUntil())) {
                return seen;
            }
            if (seen.nextTurn() != null && now.isBefore(seen.nextTurn())) {
                wait[0] = Duration.between(now, seen.nextTurn());
                return seen;
            }
            return new Entry(seen.count(), seen.since(), seen.lockedUntil(), now.plus(limits.addressPace()));
        });
        if (!wait[0].isZero()) {
            throw new Slowed(wait[0]);
        }
    }

    /** A wrong secret for the account (null when the secret named no known account) from the address. */
    public void failed(Account account, String address) {
        Instant now = clock.instant();
        if (account != null) {
            count(pair(account, address), account.maxFailures(), now);
        }
        count(address(address), limits.addressMaxFailures(), now);
        if (entries.size() > limits.maxTracked()) {
            trim(now);
        }
    }

    /** The right secret: the account's count at this address starts again, and the address gets its turn back. */
    public void succeeded(Account account, String address) {
        if (account != null) {
            entries.remove(pair(account, address));
        }
        entries.computeIfPresent(address(address), (key, seen) ->
                new Entry(seen.count(), seen.since(), seen.lockedUntil(), null));
    }

    int tracked() {
        return entries.size();
    }

    private void count(String key, int maxFailures, Instant now) {
        entries.compute(key, (name, seen) -> {
            if (seen == null || seen.lapsed(now, limits.lockout())) {
                seen = new Entry(0, now, null, null);
            }
            int count = seen.count() + 1;
            // a lock in force is kept as it is: failures that were in flight when it fell do not reset it
            Instant lockedUntil = seen.lockedUntil() != null && now.isBefore(seen.lockedUntil()) ? seen.lockedUntil()
                    : count >= maxFailures ? now.plus(limits.lockout()) : null;
            return new Entry(count, seen.since(), lockedUntil, seen.nextTurn());
        });
    }

    /**
     * Brings the table back under nine tenths of its bound: lapsed entries first, then unlocked ones (oldest first),
     * then locked ones whose lock ends soonest. One thread trims; the others go on.
     */
    private void trim(Instant now) {
        if (!trimming.compareAndSet(false, true)) {
            return;
        }
        try {
            entries.entrySet().removeIf(e -> e.getValue().lapsed(now, limits.lockout()));
            int excess = entries.size() - limits.maxTracked() * 9 / 10;
            if (excess <= 0) {
                return;
            }
            List<Map.Entry<String, Entry>> candidates = new ArrayList<>(entries.entrySet());
            candidates.sort(Comparator.comparing((Map.Entry<String, Entry> e) -> e.getValue().lockedUntil() != null)
                    .thenComparing(e -> e.getValue().lockedUntil() == null ? e.getValue().since() : e.getValue().lockedUntil()));
            candidates.stream().limit(excess).forEach(e -> entries.remove(e.getKey(), e.getValue()));
        } finally {
            trimming.set(false);
        }
    }

    private Optional<Duration> remaining(Entry seen) {
        if (seen == null || seen.lockedUntil() == null) {
            return Optional.empty();
        }
        Duration left = Duration.between(clock.instant(), seen.lockedUntil());
        return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
    }

    private static String pair(Account account, String address) {
        return account.key() + "@" + address;
    }

    private static String address(String address) {
        return "address:" + address;
    }
}
