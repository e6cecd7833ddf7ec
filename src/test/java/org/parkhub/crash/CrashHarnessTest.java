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
 * The crash harness (docs/architecture.md, "Crash harness"): a short run in every build, the long run on demand with
 * {@code mvn test -Dtest=CrashHarnessTest#longRun -Dsurefire.excludedGroups=}, where {@code -Dparkhub.crash.rows=
 * .orders= .rounds= .seed= .max-uptime-ms=} size it or replay a seed. Both print their seed.
 */
@Tag("slow") // left out of the quick tier (mvn -Pquick verify); the full run has it
class CrashHarnessTest {

    @Test
    void shortRun() throws Exception {
        run(new CrashHarness.Plan(4_000, 100, 5, seed(), Duration.ofMillis(3_000)));
    }

    @Test
    @Tag("crash")
    void longRun() throws Exception {
        run(new CrashHarness.Plan(
                Integer.getInteger("parkhub.crash.rows", 100_000),
                Integer.getInteger("parkhub.crash.orders", 1_000),
                Integer.getInteger("parkhub.crash.rounds", 8),
                seed(),
                Duration.ofMillis(Long.getLong("parkhub.crash.max-uptime-ms", 8_000))));
    }

    private static long seed() {
        return Long.getLong("parkhub.crash.seed", System.currentTimeMillis() % 100_000);
    }

    private static void run(CrashHarness.Plan plan) throws Exception {
        System.out.println("crash harness seed " + plan.seed());
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
