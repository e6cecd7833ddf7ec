package org.parkhub.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * How big each part of the benchmark runs. {@link #fromSystemProperties()} gives the full run's defaults, each
 * one changed by a {@code -Dparkhub.bench.<name>=} option; {@link #smoke(Path)} is the build's tiny run.
 */
public record BenchSettings(Path workDir, long seed,
                            int csvRows, int textbookRows,
                            int restClients, Duration restWarmUp, Duration restTime,
                            int fanoutRecipients, int fanoutMessages,
                            long memoryFileBytes, String memoryHeap,
                            int startupRuns, Set<String> parts, BenchDatabase database) {

    /** The parts, in the order they run. */
    public static final List<String> ALL_PARTS = List.of("csv", "rest", "fanout", "memory", "startup");

    boolean runs(String part) {
        return parts.contains(part);
    }

    public static BenchSettings fromSystemProperties() {
        int rows = Integer.getInteger("parkhub.bench.rows", 1_000_000);
        return new BenchSettings(Path.of(System.getProperty("parkhub.bench.work-dir", "target/benchmark")),
                Long.getLong("parkhub.bench.seed", 42),
                rows,
                // the textbook route takes a row at a time: its rate is the same on a sample, which keeps the run short
                Integer.getInteger("parkhub.bench.textbook-rows", Math.min(rows, 50_000)),
                Integer.getInteger("parkhub.bench.rest-clients", 16),
                Duration.ofSeconds(Long.getLong("parkhub.bench.rest-warm-up-seconds", 10)),
                Duration.ofSeconds(Long.getLong("parkhub.bench.rest-seconds", 30)),
                Integer.getInteger("parkhub.bench.fanout-recipients", 10),
                Integer.getInteger("parkhub.bench.fanout-messages", 2_000),
                Long.getLong("parkhub.bench.memory-file-mb", 2048) * 1024 * 1024,
                System.getProperty("parkhub.bench.memory-heap", "256m"),
                Integer.getInteger("parkhub.bench.startup-runs", 5),
                // e.g. -Dparkhub.bench.parts=rest,startup to run only those (the table then shows only them)
                Set.of(System.getProperty("parkhub.bench.parts", String.join(",", ALL_PARTS)).split(",")),
                // e.g. -Dparkhub.bench.postgres=jdbc:postgresql://127.0.0.1:5432/test for the scale-out mode's journal
                new BenchDatabase(System.getProperty("parkhub.bench.postgres", ""),
                        System.getProperty("parkhub.bench.postgres-user", "postgres")));
    }

    /** The build's smoke run: every part once, small enough to take about a minute. */
    public static BenchSettings smoke(Path workDir) {
        return new BenchSettings(workDir, 7, 2_000, 500, 4, Duration.ofSeconds(3), Duration.ofSeconds(2),
                3, 20, 1024 * 1024, "256m", 1, Set.copyOf(ALL_PARTS), BenchDatabase.embedded());
    }
}
