package org.parkhub.crash;

import static org.awaitility.Awaitility.await;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import com.zaxxer.hikari.HikariDataSource;
import org.awaitility.core.ConditionTimeoutException;
import org.parkhub.fixtures.CsvFixtureWriter;
import org.parkhub.fixtures.ProfileSamples;
import org.parkhub.ingest.csv.CsvProfiles;
import org.parkhub.journal.Statements;
import org.parkhub.participant.Participant;
import org.parkhub.platform.Database;
import org.parkhub.support.ChildHub;
import org.parkhub.support.RecipientQueue;
import org.parkhub.support.TestSettings;

/**
 * Kills the hub with SIGKILL at seeded random moments while a warehouse uploads a large CSV export over FTP, a
 * platform streams REST orders with idempotency keys and the recipients read their queues; restarts it each time,
 * and after each restart the warehouse sends its export again under another name, as a clerk unsure of the first
 * would. Then checks that nothing accepted was lost or journaled twice, no document twice (the business level: a
 * re-sent row is a duplicate, whichever upload got there first), that every row was accepted exactly once across the
 * uploads and answered with one message id by all of them, that every recipient got every message, and that each
 * upload has exactly one final receipt. The same seed replays the same kill moments.
 */
final class CrashHarness {

    /** rows of the CSV export, REST orders, kill rounds, the seed, and how long the hub runs at most between kills. */
    record Plan(int rows, int orders, int rounds, long seed, Duration maxUptime) {
    }

    private final Plan plan;
    private final Path work;

    CrashHarness(Plan plan, Path work) {
        this.plan = plan;
        this.work = work;
    }

    CrashReport run() throws Exception {
        long started = System.nanoTime();
        Path export = work.resolve("stock-export-" + plan.seed() + ".csv");
        CsvFixtureWriter.write(export, CsvProfiles.load(Path.of("config/profiles")).byName("warehouse-gbk").orElseThrow(),
                ProfileSamples.PARK_ZONE, ProfileSamples.stockMovements(plan.seed(), plan.rows()));
        ChildHub hub = new ChildHub(work.resolve("data"));
        Files.createDirectories(hub.dataDir());
        try {
            return run(hub, export, started);
        } finally {
            hub.killIfAlive(); // a failed run leaves no hub behind
        }
    }

    private CrashReport run(ChildHub hub, Path export, long started) throws Exception {
        hub.start();

        List<WarehouseUploads> exports = new ArrayList<>(List.of(new WarehouseUploads(hub, export,
                export.getFileName().toString())));
        PlatformOrders platform = new PlatformOrders(hub, plan.seed(), plan.orders(), "crash-" + plan.seed() + "-");
        // the stock movements go to the merchant, the orders to the merchant, the warehouse and the customs broker
        List<RecipientQueue> recipients = List.of(new RecipientQueue(hub, "MERCH-01", "phk_demomerch01_demo-key-merch-01"),
                new RecipientQueue(hub, "WH-QD-01", "phk_demowhqd01_demo-key-wh-qd-01"), new RecipientQueue(hub, "BROKER-01", "phk_demobroker01_demo-key-broker-01"));
        List<Thread> senders = new ArrayList<>(List.of(started(exports.get(0)), started(platform)));
        List<Thread> readers = recipients.stream().map(CrashHarness::started).toList();

        Random random = new Random(plan.seed());
        List<Long> killedAfterMillis = new ArrayList<>();
        for (int round = 0; round < plan.rounds(); round++) {
            long uptime = 300 + (long) (random.nextDouble() * (plan.maxUptime().toMillis() - 300));
            Thread.sleep(uptime); // the moment of the crash is the scenario's, drawn from the seed
            hub.kill();
            killedAfterMillis.add(uptime);
            hub.start();
            WarehouseUploads again = new WarehouseUploads(hub, export, "again-" + round + "-" + export.getFileName());
            exports.add(again);
            senders.add(started(again));
        }

        try {
            await().atMost(Duration.ofMinutes(5)).until(() -> senders.stream().noneMatch(Thread::isAlive));
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("the firms did not finish: " + exports.stream().map(w -> w.name() + " "
                    + w.uploads() + " uploads, final receipt " + (w.finalReceipt() != null)).toList() + ", "
                    + platform.accepted().size() + " of " + platform.count() + " orders answered; see the hub logs in "
                    + work, e);
        }
        failIfBroken(platform.failure());
        exports.forEach(w -> failIfBroken(w.failure()));
        Set<String> accepted = new HashSet<>(platform.accepted().values());
        RowAnswers rows = RowAnswers.of(exports.stream().map(WarehouseUploads::finalReceipt).toList());
        accepted.addAll(rows.ids());
        // every copy arrives, however often the hub went down on the way
        Map<String, Set<String>> expected = Map.of("MERCH-01", accepted,
                "WH-QD-01", new HashSet<>(platform.accepted().values()), "BROKER-01", new HashSet<>(platform.accepted().values()));
        try {
            // what the recipients still have to read after the firms are done grows with the run
            await().atMost(Duration.ofMinutes(5).plusSeconds(accepted.size() / 100)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> recipients.stream().allMatch(r -> r.received().containsAll(expected.get(r.participant()))));
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException(recipients.stream().map(r -> r.participant() + " got "
                    + countIn(expected.get(r.participant()), r.received()) + " of " + expected.get(r.participant()).size())
                    .toList() + "; see the hub logs in " + work, e);
        }
        recipients.forEach(RecipientQueue::stop);
        for (Thread reader : readers) {
            reader.join(Duration.ofSeconds(10).toMillis());
        }
        hub.stop();

        CrashReport.Builder report = new CrashReport.Builder(plan, killedAfterMillis,
                exports.stream().mapToInt(WarehouseUploads::uploads).sum(), exports.size() - 1, platform.retries());
        checkJournal(hub.dataDir(), accepted, rows, platform.accepted(), report);
        for (RecipientQueue r : recipients) {
            Set<String> meant = expected.get(r.participant());
            report.delivered(new CrashReport.Delivered(r.participant(), r.copies(), meant.size(),
                    meant.size() - countIn(meant, r.received())));
        }
        List<String> receipts = new ArrayList<>();
        for (WarehouseUploads upload : exports) {
            receipts.addAll(finalReceipts(hub.dataDir(), upload.name()));
        }
        report.receipts(receipts);
        return report.build(Duration.ofNanos(System.nanoTime() - started));
    }

    private static Thread started(Runnable firm) {
        Thread thread = new Thread(firm, firm.getClass().getSimpleName());
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void failIfBroken(Throwable failure) {
        if (failure != null) {
            throw new IllegalStateException("a firm could not go on: " + failure.getMessage(), failure);
        }
    }

    /**
     * What the final receipts of every upload of the export said of each line: the message ids they named (accepted
     * or duplicate), and how often a line was accepted. Every line accepted once in all, and named with one id by all.
     */
    record RowAnswers(Map<Integer, Set<String>> idsByLine, long accepted) {

        static RowAnswers of(List<List<List<String>>> receipts) {
            Map<Integer, Set<String>> ids = new HashMap<>();
            long accepted = 0;
            for (List<List<String>> receipt : receipts) {
                for (List<String> row : receipt.subList(1, receipt.size() - 1)) {
                    if (row.get(1).equals("ACCEPTED") || row.get(1).equals("DUPLICATE")) {
                        ids.computeIfAbsent(Integer.parseInt(row.get(0)), line -> new HashSet<>()).add(row.get(2));
                    }
                    accepted += row.get(1).equals("ACCEPTED") ? 1 : 0;
                }
            }
            return new RowAnswers(ids, accepted);
        }

        Set<String> ids() {
            Set<String> all = new HashSet<>();
            idsByLine.values().forEach(all::addAll);
            return all;
        }

        /** Lines answered with more than one message id by the uploads (a document taken twice). */
        long linesWithSeveralIds() {
            return idsByLine.values().stream().filter(ids -> ids.size() > 1).count();
        }
    }

    /** Reads the stopped hub's journal: what was lost, what was journaled twice. */
    private static void checkJournal(Path dataDir, Set<String> accepted, RowAnswers rows,
                                     Map<String, String> orders, CrashReport.Builder report) {
        try (HikariDataSource db = Database.open(TestSettings.embedded(dataDir))) {
            Set<String> journaled = new HashSet<>(Statements.query(db, "read the journal", "SELECT id FROM message",
                    ps -> { }, rs -> rs.getString(1)));
            long lost = accepted.stream().filter(id -> !journaled.contains(id)).count();
            // one export in the run: a row journaled under two claims of it counts too
            long rowTwice = Statements.query(db, "read the journal", "SELECT file_row FROM message WHERE file_id IS NOT NULL"
                    + " GROUP BY file_row HAVING COUNT(*) > 1", ps -> { }, rs -> rs.getLong(1)).size();
            long orderTwice = Statements.query(db, "read the journal", "SELECT order_no FROM message WHERE type = 'ORDER'"
                    + " GROUP BY order_no HAVING COUNT(*) > 1", ps -> { }, rs -> rs.getString(1)).size();
            long fileRows = Statements.query(db, "read the journal", "SELECT COUNT(*) FROM message WHERE file_id IS NOT NULL",
                    ps -> { }, rs -> rs.getLong(1)).get(0);
            long orderRows = Statements.query(db, "read the journal", "SELECT COUNT(*) FROM message WHERE type = 'ORDER'",
                    ps -> { }, rs -> rs.getLong(1)).get(0);
            // what the firms of the run sent; the hub's own answers to it (pre-check results, whose revisions are
            // changes of one case) and the customs simulator's receipts, due seconds after the traffic, still flow
            // when the hub stops and are routed when it starts again
            String firms = " AND m.sender NOT IN ('" + Participant.HUB + "', 'CUSTOMS')";
            long unrouted = Statements.query(db, "read the journal", "SELECT COUNT(*) FROM message m"
                    + " WHERE NOT EXISTS (SELECT 1 FROM message_routed r WHERE r.message_id = m.id)" + firms,
                    ps -> { }, rs -> rs.getLong(1)).get(0);
            // every document of the run is sent with one content: a second message of one is a document taken twice
            long documentTwice = Statements.query(db, "read the journal", "SELECT type, identity FROM message m"
                    + " WHERE 1 = 1" + firms + " GROUP BY type, identity HAVING COUNT(*) > 1", ps -> { },
                    rs -> rs.getString(2)).size();
            report.journal(lost, rowTwice + orderTwice, documentTwice + rows.linesWithSeveralIds(), fileRows,
                    rows.accepted(), orderRows, orders.size(), unrouted);
        }
    }

    /** The receipts of the file in the warehouse's receipts folder, each as its summary status. */
    private static List<String> finalReceipts(Path dataDir, String name) throws Exception {
        List<String> statuses = new ArrayList<>();
        try (Stream<Path> receipts = Files.list(dataDir.resolve("ftp/WH-QD-01/receipts"))) {
            for (Path receipt : receipts.filter(p -> p.getFileName().toString().startsWith(name)).toList()) {
                List<String> lines = Files.readAllLines(receipt, Charset.forName("GBK"));
                String summary = lines.get(lines.size() - 1);
                statuses.add(receipt.getFileName() + " " + summary.split(",")[1]);
            }
        }
        return statuses;
    }

    private static long countIn(Set<String> ids, Set<String> received) {
        return ids.stream().filter(received::contains).count();
    }
}
