package org.parkhub.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.parkhub.support.ChildHub;

/**
 * A very large export (2 GB by default) through the FTP channel to a hub whose heap is capped (256 MB by
 * default): it completes when the receipt accepts every row. The hub's peak RSS is read before it stops.
 */
final class MemoryBench {

    record Result(long fileBytes, int rows, String heap, boolean completed, String summary, double seconds,
                  long peakRssBytes) {
        double rowsPerSecond() {
            return rows / seconds;
        }
    }

    private MemoryBench() {
    }

    static Result run(BenchSettings settings, Path work, Path exports, List<String> hubOptions) throws Exception {
        int rows = StockExport.rowsFor(settings.memoryFileBytes(), settings.seed(), Files.createDirectories(work));
        Path file = StockExport.cached(exports, rows, settings.seed());
        List<String> options = new ArrayList<>(hubOptions);
        options.add("-Xmx" + settings.memoryHeap());
        options.add("-XX:+ExitOnOutOfMemoryError"); // an OutOfMemoryError fails the run instead of limping on
        ChildHub hub = new ChildHub(work.resolve("data"), options);
        hub.start();
        try {
            long started = System.nanoTime();
            CsvIngestBench.upload(hub, file);
            List<String> summary = CsvIngestBench.awaitSummary(hub, file.getFileName().toString(),
                    Duration.ofSeconds(Math.max(600, rows / 100)));
            double seconds = (System.nanoTime() - started) / 1e9;
            long peak = ProcessMemory.peakRssBytes(hub.process().pid());
            boolean completed = summary.get(1).equals("ACCEPTED") && summary.get(3).contains("accepted: " + rows + ",");
            return new Result(Files.size(file), rows, settings.memoryHeap(), completed, summary.get(3), seconds, peak);
        } finally {
            hub.stop();
        }
    }
}
