package org.parkhub.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The benchmark command (docs/performance.md): {@code mvn -q test -Dtest=BenchmarkRun -Dsurefire.excludedGroups=}, sizes
 * changed with {@code -Dparkhub.bench.*}, parts chosen with {@code -Dparkhub.bench.parts=} (see {@link BenchSettings}). Prints the table and keeps it in
 * {@code target/benchmark/report-<time>.md}.
 */
@Tag("benchmark")
class BenchmarkRun {

    @Test
    void fullRun() throws Exception {
        BenchSettings settings = BenchSettings.fromSystemProperties();
        BenchReport report = Benchmark.run(settings);
        String table = report.markdown();
        System.out.println(table);
        Path file = settings.workDir().resolve("report-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".md");
        Files.writeString(file, table);
        if (report.memory() != null) {
            assertThat(report.memory().completed()).as("the large export completed").isTrue();
        }
    }
}
