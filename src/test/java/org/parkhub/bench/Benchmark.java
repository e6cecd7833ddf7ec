package org.parkhub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
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
        BenchDatabase database = settings.database();
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
            csv = CsvIngestBench.run(export, settings.csvRows(), work.resolve("csv"), hub(database, "csv"));
            cleanUp(work.resolve("csv"), database);
            say("the textbook route, %,d rows", settings.textbookRows());
            textbook = TextbookCsvRoute.run(sample, settings.textbookRows(), work.resolve("textbook"), database);
            delete(work.resolve("textbook"));
            database.drop("textbook");
            say("bare batched insert, %,d rows", settings.csvRows());
            bare = BareBatchedInsert.run(export, work.resolve("bare-insert"), database);
            delete(work.resolve("bare-insert"));
            database.drop("bare_insert");
        }
        RestBench.Results rest = null;
        if (settings.runs("rest")) {
            say("REST, %d clients, %d s after %d s warm-up", settings.restClients(), settings.restTime().toSeconds(),
                    settings.restWarmUp().toSeconds());
            rest = RestBench.run(settings, work.resolve("rest"), hub(database, "rest"));
            cleanUp(work.resolve("rest"), database);
        }
        FanoutBench.Result fanout = null;
        if (settings.runs("fanout")) {
            say("fan-out, %,d orders to %d webhooks", settings.fanoutMessages(), settings.fanoutRecipients());
            fanout = FanoutBench.run(settings, work.resolve("fanout"), hub(database, "fanout"));
            cleanUp(work.resolve("fanout"), database);
        }
        MemoryBench.Result memory = null;
        if (settings.runs("memory")) {
            say("memory, %,d MB export at -Xmx%s", settings.memoryFileBytes() / (1024 * 1024), settings.memoryHeap());
            memory = MemoryBench.run(settings, work.resolve("memory"), exports, database.hubOptions("memory"));
            cleanUp(work.resolve("memory"), database);
        }
        StartupBench.Result startup = null;
        if (settings.runs("startup")) {
            say("start-up, %d runs", settings.startupRuns());
            // the embedded default's start, whichever database the other parts use
            startup = StartupBench.run(settings.startupRuns(), work.resolve("startup"));
            delete(work.resolve("startup").resolve("data"));
        }
        return new BenchReport(settings, LocalDate.now(), Runtime.getRuntime().availableProcessors(),
                csv, textbook, bare, rest, fanout, memory, startup);
    }

    private static final long STARTED = System.nanoTime();

    private static void say(String format, Object... args) {
        System.out.printf("benchmark [%.0f s]: %s%n", (System.nanoTime() - STARTED) / 1e9, String.format(format, args));
    }

    /** The options of a throughput part's hub: its heap and its database. */
    private static List<String> hub(BenchDatabase database, String part) throws SQLException {
        return Stream.concat(HUB.stream(), database.hubOptions(part).stream()).toList();
    }

    /** A part's hub data goes (a 2 GB run leaves tens of GB), in PostgreSQL too; its logs stay. */
    private static void cleanUp(Path part, BenchDatabase database) throws IOException, SQLException {
        delete(part.resolve("data"));
        database.drop(part.getFileName().toString());
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
