package org.parkhub.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.parkhub.fixtures.ParkFixtures;
import org.parkhub.fixtures.RecordEdit;
import org.parkhub.journal.Journaled.Disposition;
import org.parkhub.model.CanonicalMapper;
import org.parkhub.model.Channel;
import org.parkhub.model.DocumentAction;
import org.parkhub.model.Documents;
import org.parkhub.model.Envelope;
import org.parkhub.model.MessageType;
import org.parkhub.model.Order;
import org.parkhub.participant.ParticipantSeed;
import org.parkhub.participant.ParticipantStore;
import org.parkhub.participant.SecretHasher;
import org.parkhub.participant.SecretSealer;

/**
 * The journal knows documents (issue 24): an arrival is a new document, a duplicate or a revision by its identity,
 * decided by the database in the journal's transaction, on both databases; a journal from before documents is indexed
 * by its first start.
 */
class DocumentJournalTest {

    static final String POSTGRES = TestDatabases.POSTGRES;
    static final String SCHEMA = "parkhub_documents_test_" + UUID.randomUUID().toString().substring(0, 8);
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @TempDir
    static Path h2Dir;

    static Stream<String> databases() {
        return TestDatabases.names();
    }

    @AfterAll
    static void dropSchemas() throws SQLException {
        TestDatabases.drop(SCHEMA, SCHEMA + "_v14");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theSameContentIsADuplicateAndOtherContentTheNextRevision(String database) throws Exception {
        try (HikariDataSource dataSource = open(database)) {
            Journal journal = new Journal(dataSource, Clock.system(ZONE), ZONE);
            Order order = new ParkFixtures(501).transaction().order();
            Journaled first = accept(journal, "PLAT-01", order);
            assertThat(first.disposition()).isEqualTo(Disposition.NEW);
            assertThat(first.envelope().revision()).isEqualTo(1);
            assertThat(first.envelope().supersedes()).isNull();

            // the same order written otherwise: trailing zeros, blanks, full-width digits
            Order rewritten = RecordEdit.with(RecordEdit.with(order, "freight", order.freight().setScale(4).toPlainString()),
                    "consignee.address", "  " + order.consignee().address() + " ");
            Journaled again = accept(journal, "PLAT-01", rewritten);
            assertThat(again.disposition()).isEqualTo(Disposition.DUPLICATE);
            assertThat(again.messageId()).isEqualTo(first.messageId());
            assertThat(again.isJournaled()).isFalse();

            Journaled corrected = accept(journal, "PLAT-01", RecordEdit.with(order, "note", "corrected address"));
            assertThat(corrected.disposition()).isEqualTo(Disposition.REVISION);
            assertThat(corrected.envelope().revision()).isEqualTo(2);
            assertThat(corrected.envelope().supersedes()).isEqualTo(first.messageId());
            // read back as journaled, and published with its revision
            Envelope read = journal.find(corrected.messageId()).orElseThrow().envelope();
            assertThat(read.revision()).isEqualTo(2);
            assertThat(read.supersedes()).isEqualTo(first.messageId());
            assertThat(CanonicalMapper.readEnvelope(CanonicalMapper.toJson(read))).isEqualTo(read);
            // the first content again is a change from the current revision: the third
            Journaled back = accept(journal, "PLAT-01", order);
            assertThat(back.disposition()).isEqualTo(Disposition.REVISION);
            assertThat(back.envelope().revision()).isEqualTo(3);

            assertThat(count(dataSource, "SELECT COUNT(*) FROM message WHERE identity = '" + identityOf(order) + "'"))
                    .isEqualTo(3);
            assertThat(count(dataSource, "SELECT COUNT(*) FROM document_arrival WHERE message_id = '"
                    + first.messageId() + "' AND sender = 'PLAT-01'")).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aBatchTakesTheSameDocumentInOrderAndAnotherSendersDocumentIsRefused(String database) throws Exception {
        try (HikariDataSource dataSource = open(database)) {
            Journal journal = new Journal(dataSource, Clock.system(ZONE), ZONE);
            Order order = new ParkFixtures(502).transaction().order();
            Order corrected = RecordEdit.with(order, "note", "second");
            List<Journaled> batch = journal.accept("PLAT-01", Channel.FTP, List.of(new Incoming(order, "file a line 2"),
                    new Incoming(order, "file a line 3"), new Incoming(corrected, "file a line 4")));
            assertThat(batch).extracting(Journaled::disposition)
                    .containsExactly(Disposition.NEW, Disposition.DUPLICATE, Disposition.REVISION);
            assertThat(batch.get(1).messageId()).isEqualTo(batch.get(0).messageId());
            assertThat(batch.get(2).envelope().supersedes()).isEqualTo(batch.get(0).messageId());

            Journaled foreign = accept(journal, "MERCH-01", RecordEdit.with(order, "note", "the merchant's"));
            assertThat(foreign.disposition()).isEqualTo(Disposition.REFUSED);
            assertThat(foreign.refusal()).isEqualTo(new Journaled.Refusal("NOT_YOUR_DOCUMENT",
                    "order 3301960ABC:" + order.orderNo() + " was sent by PLAT-01; only its sender may send it again"));
            assertThat(count(dataSource, "SELECT revision FROM document WHERE identity = '" + identityOf(order) + "'"))
                    .isEqualTo(2);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aCancellationIsTheLastRevisionAndLaterArrivalsAreRefused(String database) throws Exception {
        try (HikariDataSource dataSource = open(database)) {
            Journal journal = new Journal(dataSource, Clock.system(ZONE), ZONE);
            Order order = order(506, "ORD-DOC-CANCELLED");
            Journaled first = accept(journal, "PLAT-01", order);

            Journaled cancelled = accept(journal, "PLAT-01", order, DocumentAction.CANCEL);
            assertThat(cancelled.disposition()).isEqualTo(Disposition.REVISION);
            assertThat(cancelled.envelope().action()).isEqualTo(DocumentAction.CANCEL);
            assertThat(cancelled.envelope().revision()).isEqualTo(2);
            assertThat(cancelled.envelope().supersedes()).isEqualTo(first.messageId());
            assertThat(journal.find(cancelled.messageId()).orElseThrow().envelope().action()).isEqualTo(DocumentAction.CANCEL);
            assertThat(journal.currentRevision(MessageType.ORDER, identityOf(order)).orElseThrow().envelope().messageId())
                    .isEqualTo(cancelled.messageId());
            assertThat(count(dataSource, "SELECT COUNT(*) FROM document WHERE identity = '" + identityOf(order)
                    + "' AND state = 'CANCELLED'")).isEqualTo(1);

            // the same order again, or corrected: the document is gone
            for (Order again : List.of(order, RecordEdit.with(order, "note", "too late"))) {
                Journaled refused = accept(journal, "PLAT-01", again);
                assertThat(refused.disposition()).isEqualTo(Disposition.REFUSED);
                assertThat(refused.refusal().code()).isEqualTo("DOCUMENT_CANCELLED");
                assertThat(refused.refusal().reason()).contains(cancelled.messageId());
            }
            // cancelled again (a retry): the cancellation answers it
            Journaled twice = accept(journal, "PLAT-01", order, DocumentAction.CANCEL);
            assertThat(twice.disposition()).isEqualTo(Disposition.DUPLICATE);
            assertThat(twice.messageId()).isEqualTo(cancelled.messageId());
            // another firm may not cancel it, cancelled or not
            Order other = order(507, "ORD-DOC-FOREIGN-CANCEL");
            accept(journal, "PLAT-01", other);
            assertThat(accept(journal, "MERCH-01", other, DocumentAction.CANCEL).refusal().code())
                    .isEqualTo("NOT_YOUR_DOCUMENT");
            assertThat(count(dataSource, "SELECT COUNT(*) FROM message WHERE identity = '" + identityOf(order) + "'"))
                    .isEqualTo(2);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aCancellationOfAnUnknownDocumentIsRefusedAndOneInTheBatchOfItsFirstRevisionTaken(String database)
            throws Exception {
        try (HikariDataSource dataSource = open(database)) {
            Journal journal = new Journal(dataSource, Clock.system(ZONE), ZONE);
            Order order = order(508, "ORD-DOC-CANCEL-UNKNOWN");
            Journaled unknown = accept(journal, "PLAT-01", order, DocumentAction.CANCEL);
            assertThat(unknown.refusal().code()).isEqualTo("UNKNOWN_DOCUMENT");
            assertThat(count(dataSource, "SELECT COUNT(*) FROM message WHERE identity = '" + identityOf(order) + "'"))
                    .isZero();

            List<Journaled> batch = journal.accept("PLAT-01", Channel.FTP, List.of(new Incoming(order, "line 2"),
                    new Incoming(order, "line 3", DocumentAction.CANCEL), new Incoming(order, "line 4")));
            assertThat(batch).extracting(Journaled::disposition)
                    .containsExactly(Disposition.NEW, Disposition.REVISION, Disposition.REFUSED);
            assertThat(count(dataSource, "SELECT revision FROM document WHERE identity = '" + identityOf(order)
                    + "' AND state = 'CANCELLED'")).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aGateClosesDocumentsToRevisionsButNotToTheSameContentAgain(String database) throws Exception {
        try (HikariDataSource dataSource = open(database)) {
            Order order = order(509, "ORD-DOC-GATE-CLOSED");
            Order open = order(510, "ORD-DOC-GATE-OPEN");
            List<String> asked = new ArrayList<>();
            RevisionGate released = (connection, type, identities) -> {
                asked.addAll(identities);
                return identities.contains(identityOf(order))
                        ? Map.of(identityOf(order), "customs released its declaration") : Map.of();
            };
            Journal journal = new Journal(dataSource, Clock.system(ZONE), ZONE, released);
            Journaled first = accept(journal, "PLAT-01", order);
            assertThat(asked).as("a new document is not asked about").isEmpty();
            accept(journal, "PLAT-01", open);

            Journaled revised = accept(journal, "PLAT-01", RecordEdit.with(order, "note", "changed"));
            assertThat(revised.refusal()).isEqualTo(new Journaled.Refusal("REVISION_REFUSED", "order "
                    + identityOf(order) + " takes no more revisions: customs released its declaration"));
            assertThat(accept(journal, "PLAT-01", order, DocumentAction.CANCEL).refusal().code())
                    .isEqualTo("REVISION_REFUSED");
            Journaled again = accept(journal, "PLAT-01", order);
            assertThat(again.disposition()).isEqualTo(Disposition.DUPLICATE);
            assertThat(again.messageId()).isEqualTo(first.messageId());
            assertThat(accept(journal, "PLAT-01", RecordEdit.with(open, "note", "changed")).disposition())
                    .isEqualTo(Disposition.REVISION);
        }
    }

    /** Twelve arrivals of one document at once, as from several channels: one message, eleven duplicates. */
    @ParameterizedTest
    @MethodSource("databases")
    void theSameDocumentArrivingAtOnceIsJournaledOnce(String database) throws Exception {
        try (HikariDataSource dataSource = open(database)) {
            Journal journal = new Journal(dataSource, Clock.system(ZONE), ZONE);
            Order order = new ParkFixtures(503).transaction().order();
            Channel[] channels = {Channel.REST, Channel.FTP, Channel.BROKER, Channel.CEB_XML};
            List<Supplier<Journaled>> arrivals = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                Channel channel = channels[i % channels.length];
                String source = "arrival " + i;
                arrivals.add(() -> journal.accept("PLAT-01", channel, List.of(new Incoming(order, source))).get(0));
            }
            List<Journaled> outcome = atOnce(arrivals);
            assertThat(outcome).filteredOn(j -> j.disposition() == Disposition.NEW).hasSize(1);
            assertThat(outcome).filteredOn(j -> j.disposition() == Disposition.DUPLICATE).hasSize(11);
            assertThat(outcome).extracting(Journaled::messageId).containsOnly(outcome.get(0).messageId());
            assertThat(count(dataSource, "SELECT COUNT(*) FROM message WHERE identity = '" + identityOf(order) + "'"))
                    .isEqualTo(1);
        }
    }

    /** Two nodes taking the same new documents at once: the database's key makes one the first, the other a duplicate. */
    @ParameterizedTest
    @MethodSource("databases")
    void twoNodesTakingOneNewDocumentAtOnceJournalItOnce(String database) throws Exception {
        try (HikariDataSource dataSource = open(database)) {
            List<Journal> nodes = List.of(new Journal(dataSource, Clock.system(ZONE), ZONE),
                    new Journal(dataSource, Clock.system(ZONE), ZONE));
            ParkFixtures fixtures = new ParkFixtures(507);
            for (int i = 0; i < 10; i++) {
                Order order = fixtures.transaction().order();
                List<Journaled> outcome = atOnce(nodes.stream()
                        .<Supplier<Journaled>>map(node -> () -> accept(node, "PLAT-01", order)).toList());
                assertThat(outcome).extracting(Journaled::disposition)
                        .containsExactlyInAnyOrder(Disposition.NEW, Disposition.DUPLICATE);
                assertThat(outcome.get(0).messageId()).isEqualTo(outcome.get(1).messageId());
            }
        }
    }

    /**
     * Two nodes (two journals, each with its own commit leader) revising one document at once: no revision is lost or
     * numbered twice, and each supersedes the one before it.
     */
    @ParameterizedTest
    @MethodSource("databases")
    void twoNodesRevisingOneDocumentAtOnceNumberItsRevisionsInTurn(String database) throws Exception {
        try (HikariDataSource dataSource = open(database)) {
            Journal nodeA = new Journal(dataSource, Clock.system(ZONE), ZONE);
            Journal nodeB = new Journal(dataSource, Clock.system(ZONE), ZONE);
            Order order = new ParkFixtures(506).transaction().order();
            accept(nodeA, "PLAT-01", order);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<CompletableFuture<List<Journaled>>> nodes = new ArrayList<>();
                for (Journal node : List.of(nodeA, nodeB)) {
                    String name = node == nodeA ? "a" : "b";
                    nodes.add(CompletableFuture.supplyAsync(() -> {
                        List<Journaled> revisions = new ArrayList<>();
                        for (int i = 0; i < 10; i++) {
                            revisions.add(accept(node, "PLAT-01", RecordEdit.with(order, "note", name + i)));
                        }
                        return revisions;
                    }, pool));
                }
                List<Journaled> all = nodes.stream().flatMap(n -> n.join().stream()).toList();
                assertThat(all).extracting(Journaled::disposition).containsOnly(Disposition.REVISION);
                assertThat(all).extracting(j -> j.envelope().revision()).containsExactlyInAnyOrderElementsOf(
                        IntStream.rangeClosed(2, 21).boxed().toList());
            } finally {
                pool.shutdownNow();
            }
            // the chain: each revision supersedes the message of the one before it
            List<String> chain = Statements.query(dataSource, "chain", "SELECT revision, id, supersedes FROM message"
                    + " WHERE identity = '" + identityOf(order) + "' ORDER BY revision", ps -> { },
                    rs -> rs.getInt(1) + " " + rs.getString(2) + " " + rs.getString(3));
            assertThat(chain).hasSize(21);
            for (int i = 1; i < chain.size(); i++) {
                assertThat(chain.get(i).split(" ")[2]).isEqualTo(chain.get(i - 1).split(" ")[1]);
            }
        }
    }

    /**
     * A journal written before documents (schema version 14) with an order sent twice unchanged, then corrected, and
     * another order: the first start indexes it in time order, and the next arrival is judged against that index.
     */
    @ParameterizedTest
    @MethodSource("databases")
    void aJournalFromBeforeDocumentsIsIndexedInTimeOrder(String database) throws Exception {
        String schema = SCHEMA + "_v14";
        String url = database.equals("postgresql") ? POSTGRES + "?currentSchema=" + schema
                : "jdbc:h2:file:" + h2Dir.resolve("v14").resolve("parkhub") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        if (database.equals("postgresql")) {
            TestDatabases.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(database.equals("postgresql") ? "postgres" : "parkhub");
        try (HikariDataSource dataSource = new HikariDataSource(config)) {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("14").load().migrate();
            new ParticipantSeed(new ParticipantStore(dataSource, SecretSealer.withNewKey()), new SecretHasher())
                    .importFile(Path.of("config/participants.yaml"));
            Order order = new ParkFixtures(504).transaction().order();
            Order corrected = RecordEdit.with(order, "note", "corrected");
            Order other = new ParkFixtures(505).transaction().order();
            OffsetDateTime t0 = OffsetDateTime.of(2026, 11, 11, 9, 0, 0, 0, ZoneOffset.ofHours(8));
            try (Connection c = dataSource.getConnection();
                 PreparedStatement message = c.prepareStatement("INSERT INTO message (id, type, schema_version, sender,"
                         + " received_at, channel, source, order_no, payload, file_id, file_row)"
                         + " VALUES (?, 'ORDER', '1.0', 'PLAT-01', ?, '" + Channel.REST.code() + "', 'request', ?, ?, NULL, NULL)")) {
                Object[][] rows = {{"m1", order, 0}, {"m2", order, 1}, {"m3", corrected, 2}, {"m4", other, 3}};
                for (Object[] row : rows) {
                    message.setString(1, (String) row[0]);
                    message.setObject(2, t0.plusMinutes((Integer) row[2]));
                    message.setString(3, ((Order) row[1]).orderNo());
                    message.setString(4, CanonicalMapper.toJson(row[1]));
                    message.executeUpdate();
                }
            }
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();

            Journal journal = new Journal(dataSource, Clock.system(ZONE), ZONE);
            assertThat(journal.find("m1").orElseThrow().envelope().revision()).isEqualTo(1);
            assertThat(journal.find("m2").orElseThrow().envelope().revision()).as("a re-send of revision 1").isEqualTo(1);
            Envelope third = journal.find("m3").orElseThrow().envelope();
            assertThat(third.revision()).isEqualTo(2);
            assertThat(third.action()).isEqualTo(DocumentAction.MODIFY);
            assertThat(journal.find("m4").orElseThrow().envelope().action()).isEqualTo(DocumentAction.NEW);
            assertThat(third.supersedes()).isEqualTo("m1");
            assertThat(journal.find("m4").orElseThrow().envelope().revision()).isEqualTo(1);
            assertThat(count(dataSource, "SELECT COUNT(*) FROM message")).as("nothing lost").isEqualTo(4);
            assertThat(count(dataSource, "SELECT COUNT(*) FROM document_arrival WHERE message_id = 'm1'")).isEqualTo(1);

            Journaled resent = accept(journal, "PLAT-01", corrected);
            assertThat(resent.disposition()).isEqualTo(Disposition.DUPLICATE);
            assertThat(resent.messageId()).isEqualTo("m3");
        }
    }

    /** Runs the arrivals on threads of their own, released together; their outcomes in the same order. */
    private static List<Journaled> atOnce(List<Supplier<Journaled>> arrivals) {
        ExecutorService pool = Executors.newFixedThreadPool(arrivals.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<CompletableFuture<Journaled>> running = arrivals.stream().map(arrival -> CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                return arrival.get();
            }, pool)).toList();
            start.countDown();
            return running.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdownNow();
        }
    }

    private static Journaled accept(Journal journal, String sender, Order order) {
        return accept(journal, sender, order, DocumentAction.NEW);
    }

    private static Journaled accept(Journal journal, String sender, Order order, DocumentAction action) {
        return journal.accept(sender, Channel.REST, List.of(new Incoming(order, "test", action))).get(0);
    }

    /** A fixture order of its own: fixtures number their orders alike, and tests here share a journal. */
    private static Order order(long seed, String orderNo) {
        return RecordEdit.with(new ParkFixtures(seed).transaction().order(), "orderNo", orderNo);
    }

    private static String identityOf(Order order) {
        return Documents.identity(order);
    }

    private static long count(HikariDataSource dataSource, String sql) {
        return Statements.query(dataSource, "count", sql, ps -> { }, rs -> rs.getLong(1)).get(0);
    }

    private static HikariDataSource open(String database) throws SQLException {
        return TestDatabases.open(database, h2Dir, SCHEMA);
    }
}
