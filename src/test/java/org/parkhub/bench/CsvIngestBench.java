package org.parkhub.bench;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import org.parkhub.journal.Statements;
import org.parkhub.platform.Database;
import org.parkhub.support.ChildHub;
import org.parkhub.support.FtpFirm;
import org.parkhub.support.RecipientQueue;
import org.parkhub.support.TestSettings;

/**
 * parkhub's own path for a warehouse export: the file is uploaded over FTP to the hub (its own JVM), and the run
 * ends when the receipt is written and the merchant, reading its queue over AMQP, holds a copy of every row. The
 * journal is counted afterwards.
 */
final class CsvIngestBench {

    /** rows/s over the whole path; the receipt's time, the hub's CPU time and the journal's count beside it. */
    record Result(int rows, double seconds, double receiptSeconds, double hubCpuSeconds, long journaled, long delivered) {
        double rowsPerSecond() {
            return rows / seconds;
        }

        /** The hub's CPU time (all threads) per row, in milliseconds, from the upload to the last copy taken. */
        double hubCpuMillisPerRow() {
            return hubCpuSeconds * 1000 / rows;
        }
    }

    private CsvIngestBench() {
    }

    static Result run(Path file, int rows, Path work, List<String> hubOptions) throws Exception {
        ChildHub hub = new ChildHub(work.resolve("data"), hubOptions);
        RecipientQueue merchant = new RecipientQueue(hub, "MERCH-01", "phk_demomerch01_demo-key-merch-01");
        Thread reader = new Thread(merchant, "bench-merchant-queue");
        hub.start();
        try {
            reader.start();
            long started = System.nanoTime();
            Duration cpuBefore = ProcessCpu.used(hub.process());
            upload(hub, file);
            Duration budget = Duration.ofSeconds(Math.max(300, rows / 200));
            List<String> summary = awaitSummary(hub, file.getFileName().toString(), budget);
            double receiptSeconds = (System.nanoTime() - started) / 1e9;
            if (!summary.get(1).equals("ACCEPTED")) {
                throw new IllegalStateException("the export was not accepted whole: " + summary);
            }
            await().atMost(budget).pollInterval(Duration.ofMillis(100))
                    .until(() -> merchant.received().size() >= rows || !hub.process().isAlive());
            double seconds = (System.nanoTime() - started) / 1e9;
            double cpuSeconds = ProcessCpu.used(hub.process()).minus(cpuBefore).toNanos() / 1e9;
            if (merchant.received().size() < rows) {
                throw new IllegalStateException("the hub died; see " + hub.log());
            }
            merchant.stop();
            reader.join();
            hub.stop();
            return new Result(rows, seconds, receiptSeconds, cpuSeconds, journaled(hub.dataDir()),
                    merchant.received().size());
        } finally {
            merchant.stop();
            hub.killIfAlive();
        }
    }

    static void upload(ChildHub hub, Path file) throws IOException {
        try (FtpFirm firm = new FtpFirm(hub.ftpPort(), "WH-QD-01", "demo-ftp-wh-qd-01");
             InputStream in = Files.newInputStream(file)) {
            if (!firm.client().storeFile("/inbox/stock/" + file.getFileName(), in)) {
                throw new IllegalStateException("upload refused: " + firm.client().getReplyString());
            }
        }
    }

    /** The receipt's last row (summary, status, "", text) once the hub has written it. */
    static List<String> awaitSummary(ChildHub hub, String name, Duration budget) throws IOException {
        try (FtpFirm firm = new FtpFirm(hub.ftpPort(), "WH-QD-01", "demo-ftp-wh-qd-01")) {
            List<List<String>> receipt = firm.awaitReceipt(name, Charset.forName("GBK"), (int) budget.toSeconds());
            return receipt.get(receipt.size() - 1);
        }
    }

    private static long journaled(Path dataDir) {
        try (HikariDataSource db = Database.open(TestSettings.embedded(dataDir))) {
            return Statements.query(db, "count the journal", "SELECT COUNT(*) FROM message", ps -> { },
                    rs -> rs.getLong(1)).get(0);
        }
    }
}
