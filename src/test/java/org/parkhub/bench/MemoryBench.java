package org.parkhub.bench;

import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.parkhub.support.ChildHub;
import org.parkhub.support.RecipientQueue;

/**
 * A very large export (2 GB by default) through the FTP channel to a hub whose heap is capped (256 MB by
 * default): it completes when the receipt accepts every row. The hub's peak RSS is read before it stops. The
 * merchant reads its copies meanwhile, counting them only, as a park's merchant would: unread, 20 million copies
 * would page about 35 GB of broker journal to disk.
 */
final class MemoryBench {

    record Result(long fileBytes, int rows, String heap, boolean completed, String summary, double seconds,
                  long peakRssBytes, long copiesRead) {
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
        RecipientQueue merchant = RecipientQueue.counting(hub, "MERCH-01", "phk_demomerch01_demo-key-merch-01");
        Thread reader = new Thread(merchant, "bench-merchant-queue");
        hub.start();
        try {
            reader.start();
            long started = System.nanoTime();
            CsvIngestBench.upload(hub, file);
            List<String> summary = CsvIngestBench.awaitSummary(hub, file.getFileName().toString(),
                    Duration.ofSeconds(Math.max(600, rows / 100)));
            double seconds = (System.nanoTime() - started) / 1e9;
            long peak = ProcessMemory.peakRssBytes(hub.process().pid());
            boolean completed = summary.get(1).equals("ACCEPTED") && summary.get(3).contains("accepted: " + rows + ",");
            // the copies are routed after the rows are journaled: the reader gets a minute more to catch up (a small
            // export's receipt can come before its first copy)
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> merchant.copies() >= rows || !hub.process().isAlive());
            return new Result(Files.size(file), rows, settings.memoryHeap(), completed, summary.get(3), seconds, peak,
                    merchant.copies());
        } finally {
            merchant.stop();
            reader.join();
            hub.stop();
        }
    }
}
