package org.parkhub.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.RepeatedTest;

/** The wait doubles from the base, stays under the maximum, and is never more than a quarter short. */
class BackoffTest {

    final Backoff backoff = new Backoff(Duration.ofMillis(1000), Duration.ofMillis(60_000));

    @RepeatedTest(20)
    void doublesWithJitterUpToTheMaximum() {
        assertThat(backoff.after(1).toMillis()).isBetween(750L, 1000L);
        assertThat(backoff.after(2).toMillis()).isBetween(1500L, 2000L);
        assertThat(backoff.after(4).toMillis()).isBetween(6000L, 8000L);
        assertThat(backoff.after(7).toMillis()).isBetween(45_000L, 60_000L);
        assertThat(backoff.after(1000).toMillis()).isBetween(45_000L, 60_000L);
    }
}
