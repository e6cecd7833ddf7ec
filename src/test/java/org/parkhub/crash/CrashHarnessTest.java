package org.parkhub.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash harness, short by default (part of mvn verify); the long run of the README is the same test with
 * {@code -Dparkhub.crash.rows=100000 -Dparkhub.crash.orders=2000 -Dparkhub.crash.rounds=10} (see README).
 */
class CrashHarnessTest {

    @TempDir
    Path work;

    @Test
    void nothingAcceptedIsLostOrDoubledWhenTheHubIsKilledAgainAndAgain() throws Exception {
        CrashHarness.Plan plan = new CrashHarness.Plan(
                Integer.getInteger("parkhub.crash.rows", 20_000),
                Integer.getInteger("parkhub.crash.orders", 300),
                Integer.getInteger("parkhub.crash.rounds", 5),
                Long.getLong("parkhub.crash.seed", System.currentTimeMillis() % 100_000),
                Duration.ofMillis(Long.getLong("parkhub.crash.max-uptime-ms", 5_000)));
        CrashReport report = new CrashHarness(plan, work).run();
        System.out.println(report);
        assertThat(report.holds()).as(report.toString()).isTrue();
    }
}
