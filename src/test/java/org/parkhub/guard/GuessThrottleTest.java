package org.parkhub.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/** Locks per account and address, slowing per address, atomic under parallel guesses, bounded without flushing. */
class GuessThrottleTest {

    private static final Duration LOCKOUT = Duration.ofMinutes(5);

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-12-07T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final TestClock clock = new TestClock();

    private GuessThrottle throttle(int maxTracked) {
        return new GuessThrottle(new GuessThrottle.Limits(20, 5, 100, LOCKOUT, Duration.ofSeconds(1), maxTracked), clock);
    }

    @Test
    void anAccountIsLockedAtOneAddressOnlyAndFreedWhenTheLockoutHasPassed() {
        GuessThrottle throttle = throttle(1000);
        GuessThrottle.Account plat = throttle.participant("PLAT-01");
        for (int i = 0; i < 19; i++) {
            throttle.failed(plat, "10.0.0.1");
        }
        assertThat(throttle.lockedFor(plat, "10.0.0.1")).isEmpty();
        throttle.failed(plat, "10.0.0.1");
        assertThat(throttle.lockedFor(plat, "10.0.0.1")).contains(LOCKOUT);
        assertThat(throttle.lockedFor(plat, "10.0.0.2")).as("another address").isEmpty();
        assertThat(throttle.lockedFor(throttle.participant("MERCH-01"), "10.0.0.1")).as("another account").isEmpty();
        assertThat(throttle.lockedFor(throttle.consoleUser("PLAT-01"), "10.0.0.1")).as("a console user of that name")
                .isEmpty();
        clock.now = clock.now.plus(LOCKOUT);
        assertThat(throttle.lockedFor(plat, "10.0.0.1")).isEmpty();
    }

    @Test
    void failuresThatLandWhileLockedKeepTheLockAsItIs() {
        GuessThrottle throttle = throttle(1000);
        GuessThrottle.Account admin = throttle.consoleUser("admin");
        for (int i = 0; i < 5; i++) {
            throttle.failed(admin, "10.0.0.1");
        }
        clock.now = clock.now.plusSeconds(10);
        throttle.failed(admin, "10.0.0.1"); // before, this reset the count to 1 and lifted the lock
        assertThat(throttle.lockedFor(admin, "10.0.0.1")).contains(LOCKOUT.minusSeconds(10));
    }

    @Test
    void parallelGuessesAllCountAndTheRightSecretIsRefusedAfterThem() throws Exception {
        GuessThrottle throttle = throttle(1000);
        GuessThrottle.Account plat = throttle.participant("PLAT-01");
        ExecutorService pool = Executors.newFixedThreadPool(22);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> guesses = new ArrayList<>();
            for (int i = 0; i < 22; i++) {
                guesses.add(pool.submit(() -> {
                    go.await();
                    throttle.failed(plat, "10.0.0.1");
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> guess : guesses) {
                guess.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(throttle.lockedFor(plat, "10.0.0.1")).isPresent();
    }

    @Test
    void aSlowedAddressGetsOneCostlyCheckPerPaceAndItsTurnBackOnSuccess() throws Exception {
        GuessThrottle throttle = throttle(1000);
        for (int i = 0; i < 100; i++) {
            throttle.failed(throttle.participant("FIRM-" + i), "10.0.0.9"); // one guess at each of 100 accounts
        }
        assertThat(throttle.slowed("10.0.0.9")).isTrue();
        assertThat(throttle.slowed("10.0.0.8")).isFalse();
        assertThatCode(() -> throttle.takeTurn("10.0.0.8")).doesNotThrowAnyException();
        throttle.takeTurn("10.0.0.9");
        assertThatThrownBy(() -> throttle.takeTurn("10.0.0.9")).isInstanceOf(GuessThrottle.Slowed.class)
                .satisfies(e -> assertThat(((GuessThrottle.Slowed) e).retryAfter()).isEqualTo(Duration.ofSeconds(1)));
        clock.now = clock.now.plusSeconds(1);
        throttle.takeTurn("10.0.0.9");
        throttle.succeeded(throttle.participant("MERCH-01"), "10.0.0.9"); // a firm behind the same NAT got in
        assertThatCode(() -> throttle.takeTurn("10.0.0.9")).doesNotThrowAnyException();
    }

    @Test
    void guessesFromTenThousandOtherAddressesDoNotFlushALock() {
        GuessThrottle throttle = throttle(10_000);
        GuessThrottle.Account plat = throttle.participant("PLAT-01");
        for (int i = 0; i < 20; i++) {
            throttle.failed(plat, "10.0.0.1");
        }
        for (int i = 0; i < 30_000; i++) {
            throttle.failed(throttle.participant("PLAT-01"), "127.1." + (i / 250) + "." + (i % 250));
            clock.now = clock.now.plusMillis(1);
        }
        assertThat(throttle.lockedFor(plat, "10.0.0.1")).as("still locked after 30,000 other addresses").isPresent();
        assertThat(throttle.tracked()).isLessThanOrEqualTo(10_001);
    }
}
