package org.parkhub.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The crash harness (README, "Crash harness"). Not in the default run while the defects it found last are open;
 * {@code mvn test -Dtest=CrashHarnessTest -Dsurefire.excludedGroups=} runs it, with {@code -Dparkhub.crash.rows=
 * .orders= .rounds= .seed= .max-uptime-ms=} for the long run or to replay a seed.
 */
@Tag("crash")
class CrashHarnessTest {

    @Test
    void nothingAcceptedIsLostOrDoubledWhenTheHubIsKilledAgainAndAgain() throws Exception {
        CrashHarness.Plan plan = new CrashHarness.Plan(
                Integer.getInteger("parkhub.crash.rows", 20_000),
                Integer.getInteger("parkhub.crash.orders", 300),
                Integer.getInteger("parkhub.crash.rounds", 5),
                Long.getLong("parkhub.crash.seed", System.currentTimeMillis() % 100_000),
                Duration.ofMillis(Long.getLong("parkhub.crash.max-uptime-ms", 5_000)));
        // kept after the run: the hub's log of each start is there when something is wrong
        Path work = Path.of("target/crash/seed-" + plan.seed());
        if (Files.exists(work)) {
            try (Stream<Path> old = Files.walk(work)) {
                old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(work);
        CrashReport report = new CrashHarness(plan, work).run();
        System.out.println(report);
        assertThat(report.holds()).as(report.toString()).isTrue();
    }
}
