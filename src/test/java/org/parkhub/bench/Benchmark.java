package org.parkhub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs every part of the benchmark one after the other on this machine and reports the figures with the ratios
 * against the baselines of the same run. Each part's hub is its own JVM with its own data, deleted afterwards
 * (the hubs' logs stay in the part's folder); generated exports stay in {@code exports/} for the next run.
 */
final class Benchmark {

    /** The hubs of the throughput parts get a heap a park would give them; the memory part sets its own. */
    private static final List<String> HUB = List.of("-Xmx1g");

    private Benchmark() {
    }

    static BenchReport run(BenchSettings settings) throws Exception {
        Path work = settings.workDir().toAbsolutePath();
        Path exports = Files.createDirectories(work.resolve("exports"));
        for (String part : List.of("csv", "textbook", "bare-insert", "rest", "fanout", "memory", "startup")) {
            delete(work.resolve(part));
        }
        CsvIngestBench.Result csv = null;
        TextbookCsvRoute.Result textbook = null;
        BareBatchedInsert.Result bare = null;
        if (settings.runs("csv")) {
            Path export = StockExport.cached(exports, settings.csvRows(), settings.seed());
            Path sample = settings.textbookRows() == settings.csvRows() ? export
                    : StockExport.cached(exports, settings.textbookRows(), settings.seed());
            say("CSV ingest through parkhub, %,d rows", settings.csvRows());
            csv = CsvIngestBench.run(export, settings.csvRows(), work.resolve("csv"), HUB);
            cleanUp(work.resolve("csv"));
            say("the textbook route, %,d rows", settings.textbookRows());
            textbook = TextbookCsvRoute.run(sample, settings.textbookRows(), work.resolve("textbook"));
            delete(work.resolve("textbook"));
            say("bare batched insert, %,d rows", settings.csvRows());
            bare = BareBatchedInsert.run(export, work.resolve("bare-insert"));
            delete(work.resolve("bare-insert"));
        }
        RestBench.Results rest = null;
        if (settings.runs("rest")) {
            say("REST, %d clients, %d s after %d s warm-up", settings.restClients(), settings.restTime().toSeconds(),
                    settings.restWarmUp().toSeconds());
            rest = RestBench.run(settings, work.resolve("rest"), HUB);
            cleanUp(work.resolve("rest"));
        }
        FanoutBench.Result fanout = null;
        if (settings.runs("fanout")) {
            say("fan-out, %,d orders to %d webhooks", settings.fanoutMessages(), settings.fanoutRecipients());
            fanout = FanoutBench.run(settings, work.resolve("fanout"), HUB);
            cleanUp(work.resolve("fanout"));
        }
        MemoryBench.Result memory = null;
        if (settings.runs("memory")) {
            say("memory, %,d MB export at -Xmx%s", settings.memoryFileBytes() / (1024 * 1024), settings.memoryHeap());
            memory = MemoryBench.run(settings, work.resolve("memory"), exports, List.of());
            cleanUp(work.resolve("memory"));
        }
        StartupBench.Result startup = null;
        if (settings.runs("startup")) {
            say("start-up, %d runs", settings.startupRuns());
            startup = StartupBench.run(settings.startupRuns(), work.resolve("startup"));
            cleanUp(work.resolve("startup"));
        }
        return new BenchReport(settings, LocalDate.now(), Runtime.getRuntime().availableProcessors(),
                csv, textbook, bare, rest, fanout, memory, startup);
    }

    private static final long STARTED = System.nanoTime();

    private static void say(String format, Object... args) {
        System.out.printf("benchmark [%.0f s]: %s%n", (System.nanoTime() - STARTED) / 1e9, String.format(format, args));
    }

    /** A part's hub data goes (a 2 GB run leaves tens of GB); its logs stay. */
    private static void cleanUp(Path part) throws IOException {
        delete(part.resolve("data"));
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
