package org.parkhub.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.parkhub.admin.AdminSessions;
import org.parkhub.admin.AuditLog;
import org.parkhub.fixtures.ParkFixtures;
import org.parkhub.fixtures.RecordEdit;
import org.parkhub.fixtures.Transaction;
import org.parkhub.ingest.file.InboundFiles;
import org.parkhub.model.CanonicalMapper;
import org.parkhub.model.Channel;
import org.parkhub.model.Envelope;
import org.parkhub.model.MessageType;
import org.parkhub.model.Order;
import org.parkhub.participant.CodeTakenException;
import org.parkhub.participant.Participant;
import org.parkhub.participant.ParticipantStore;
import org.parkhub.participant.PartyCode;
import org.parkhub.participant.SecretSealer;

/**
 * The journal on both databases it runs on: embedded H2 and this machine's PostgreSQL (database
 * {@code test}, a schema of its own), migrated by the same Flyway scripts.
 */
class JournalTest {

    static final String POSTGRES = TestDatabases.POSTGRES;
    static final String SCHEMA = "parkhub_journal_test_" + UUID.randomUUID().toString().substring(0, 8);
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @TempDir
    static Path h2Dir;

    static Stream<String> databases() {
        return TestDatabases.names();
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        TestDatabases.drop(SCHEMA, SCHEMA + "_v8", SCHEMA + "_plans");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void acceptedMessagesAreJournaledWithTheirOutboxEntries(String database) throws Exception {
        try (HikariDataSource dataSource = open(database)) {
            Journal journal = new Journal(dataSource, Clock.system(ZONE), ZONE);
            Outbox outbox = new Outbox(dataSource, ZONE);
            Transaction t = new ParkFixtures(17).transaction();
            List<Envelope> accepted = journal.accept("PLAT-01", Channel.REST,
                    List.of(new Incoming(t.order(), "request r1 item 0"), new Incoming(t.payment(), "request r1 item 1")))
                    .stream().map(Journaled::envelope).toList();

            assertThat(accepted).extracting(Envelope::type).containsExactly(MessageType.ORDER, MessageType.PAYMENT);
            JournalEntry order = journal.find(accepted.get(0).messageId()).orElseThrow();
            assertThat(order.envelope()).isEqualTo(accepted.get(0));
            assertThat(order.envelope().payload()).isEqualTo(t.order());
            assertThat(order.status()).isEqualTo(MessageStatus.RECEIVED);
            assertThat(order.envelope().keys().orderNo()).isEqualTo(t.order().orderNo());

            List<OutboxEntry> unpublished = outbox.unpublished(100);
            assertThat(unpublished).extracting(e -> e.head().messageId())
                    .containsSubsequence(accepted.get(0).messageId(), accepted.get(1).messageId());
            // what the relay publishes: the envelope as journaled, its payload written as it was kept
            OutboxEntry first = unpublished.stream().filter(e -> e.head().messageId().equals(accepted.get(0).messageId()))
                    .findFirst().orElseThrow();
            assertThat(first.json()).isEqualTo(CanonicalMapper.toJson(accepted.get(0)));
            assertThat(CanonicalMapper.readEnvelope(first.json())).isEqualTo(accepted.get(0));
            outbox.published(List.of(first));
            assertThat(outbox.unpublished(100)).extracting(e -> e.head().messageId())
                    .doesNotContain(accepted.get(0).messageId()).contains(accepted.get(1).messageId());

            assertThat(journal.latest(MessageType.ORDER, CorrelationKey.ORDER_NO, t.order().orderNo()))
                    .map(Envelope::messageId).contains(accepted.get(0).messageId());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theRoutingDecisionIsJournaledOnce(String database) throws Exception {
        try (HikariDataSource dataSource = open(database)) {
            Journal journal = new Journal(dataSource, Clock.system(ZONE), ZONE);
            RoutingRecords routing = new RoutingRecords(dataSource, Clock.system(ZONE), ZONE);
            Envelope order = one(journal, new ParkFixtures(18).transaction().order(), "request r2 item 0");
            Envelope payment = one(journal, new ParkFixtures(18).transaction().payment(), "request r3 item 0");
            List<Recipient> first = List.of(new Recipient("MERCH-01", "code:ebcCode"), new Recipient("WH-QD-01", "role:WAREHOUSE"));
            assertThat(routing.recordRouting(Map.of(order.messageId(), first))).containsExactly(entry(order.messageId(), first));
            // a redelivered event keeps the decision already made, in a batch with a new one
            List<Recipient> paymentTo = List.of(new Recipient("BROKER-01", "role:BROKER"));
            Map<String, List<Recipient>> again = new LinkedHashMap<>();
            again.put(order.messageId(), List.of(new Recipient("BROKER-01", "role:BROKER")));
            again.put(payment.messageId(), paymentTo);
            Map<String, List<Recipient>> recorded = routing.recordRouting(again);
            assertThat(recorded.get(order.messageId())).containsExactlyInAnyOrderElementsOf(first);
            assertThat(recorded.get(payment.messageId())).isEqualTo(paymentTo);
            assertThat(journal.find(payment.messageId()).orElseThrow().status()).isEqualTo(MessageStatus.ROUTED);
            // a message the journal does not hold fails the whole batch: nothing of it is kept
            Envelope another = one(journal, new ParkFixtures(24).transaction().order(), "request r4 item 0");
            Map<String, List<Recipient>> broken = new LinkedHashMap<>();
            broken.put(another.messageId(), paymentTo);
            broken.put("not-journaled", paymentTo);
            assertThatThrownBy(() -> routing.recordRouting(broken)).hasMessageContaining("not-journaled");
            assertThat(journal.find(another.messageId()).orElseThrow().status()).isEqualTo(MessageStatus.RECEIVED);
            JournalEntry entry = journal.find(order.messageId()).orElseThrow();
            assertThat(entry.status()).isEqualTo(MessageStatus.ROUTED);
            assertThat(entry.deliveries()).extracting(DeliveryState::recipient, DeliveryState::status)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("MERCH-01", DeliveryStatus.QUEUED),
                            org.assertj.core.groups.Tuple.tuple("WH-QD-01", DeliveryStatus.QUEUED));
            assertThat(entry.isVisibleTo("WH-QD-01")).isTrue();
            assertThat(entry.isVisibleTo("LOG-01")).isFalse();
        }
    }

    /** The backlog counts only the recipients asked for: a queue reader's copies stay QUEUED for ever. */
    @ParameterizedTest
    @MethodSource("databases")
    void theBacklogCountsOnlyTheRecipientsAskedFor(String database) throws Exception {
        try (HikariDataSource dataSource = open(database)) {
            Journal journal = new Journal(dataSource, Clock.system(ZONE), ZONE);
            DeliveryLog log = new DeliveryLog(dataSource, Clock.system(ZONE), ZONE, null);
            long before = log.backlog(List.of("WH-QD-01")).getOrDefault("WH-QD-01", 0L);
            RoutingRecords routing = new RoutingRecords(dataSource, Clock.system(ZONE), ZONE);
            Envelope order = one(journal, new ParkFixtures(23).transaction().order(), "request r7 item 0");
            routing.recordRouting(Map.of(order.messageId(),
                    List.of(new Recipient("MERCH-01", "code:ebcCode"), new Recipient("WH-QD-01", "role:WAREHOUSE"))));
            Map<String, Long> backlog = log.backlog(List.of("WH-QD-01", "LOG-01"));
            assertThat(backlog).containsOnlyKeys("WH-QD-01").containsEntry("WH-QD-01", before + 1);
            assertThat(log.backlog(List.of("MERCH-01"))).containsKey("MERCH-01");
            assertThat(log.backlog(List.of())).isEmpty();
        }
    }

    /**
     * Two routers deciding the same message at once (an event published twice, taken on two nodes): the decision
     * committed first stands; the other batch fails on the routing's key instead of adding a second set of
     * deliveries, and taken again it finds the decision made.
     */
    @ParameterizedTest
    @MethodSource("databases")
    void aDecisionMadeMeanwhileElsewhereFailsTheBatch(String database) throws Exception {
        try (HikariDataSource dataSource = open(database)) {
            Journal journal = new Journal(dataSource, Clock.system(ZONE), ZONE);
            RoutingRecords routing = new RoutingRecords(dataSource, Clock.system(ZONE), ZONE);
            Envelope order = one(journal, new ParkFixtures(21).transaction().order(), "request r5 item 0");
            List<Recipient> elsewhere = List.of(new Recipient("MERCH-01", "code:ebcCode"));
            CompletableFuture<Map<String, List<Recipient>>> batch;
            try (Connection other = dataSource.getConnection()) {
                other.setAutoCommit(false);
                // another router's decision, not yet committed
                try (Statement decide = other.createStatement()) {
                    decide.executeUpdate("INSERT INTO message_routed (message_id, routed_at) VALUES ('" + order.messageId()
                            + "', CURRENT_TIMESTAMP)");
                    decide.executeUpdate("INSERT INTO delivery (message_id, recipient, rule, status, attempts, updated_at)"
                            + " VALUES ('" + order.messageId() + "', 'MERCH-01', 'code:ebcCode', 'QUEUED', 0, CURRENT_TIMESTAMP)");
                }
                batch = CompletableFuture.supplyAsync(() -> routing.recordRouting(
                        Map.of(order.messageId(), List.of(new Recipient("WH-QD-01", "role:WAREHOUSE")))));
                // the batch read the message as not routed; writing its routing, H2 fails at once on the other's
                // uncommitted key, PostgreSQL waits for the other to end
                CompletableFuture<Map<String, List<Recipient>>> running = batch;
                await().atMost(Duration.ofSeconds(10)).until(() -> running.isDone() || waitingOnALock(dataSource, database));
                other.commit();
            }
            assertThatThrownBy(batch::join).hasRootCauseInstanceOf(SQLException.class);
            assertThat(routing.recordRouting(Map.of(order.messageId(), List.of(new Recipient("WH-QD-01", "role:WAREHOUSE")))))
                    .containsExactly(entry(order.messageId(), elsewhere));
            assertThat(journal.find(order.messageId()).orElseThrow().deliveries()).extracting(DeliveryState::recipient)
                    .containsExactly("MERCH-01");
        }
    }

    private static boolean waitingOnALock(DataSource dataSource, String database) throws SQLException {
        String sql = database.equals("postgresql")
                ? "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                : "SELECT COUNT(*) FROM information_schema.sessions WHERE blocker_id IS NOT NULL";
        return Statements.query(dataSource, "look for a waiting session", sql, ps -> { }, rs -> rs.getLong(1)).get(0) > 0;
    }

    /**
     * A journal written before routing and correlation keys had tables of their own keeps each message's status
     * and its time, and is found by its keys.
     */
    @ParameterizedTest
    @MethodSource("databases")
    void anOlderJournalKeepsStatusesAndKeysThroughTheMigrations(String database) throws Exception {
        String schema = SCHEMA + "_v8";
        String url = database.equals("postgresql") ? POSTGRES + "?currentSchema=" + schema
                : "jdbc:h2:file:" + h2Dir.resolve("v8").resolve("parkhub") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        if (database.equals("postgresql")) {
            try (Connection c = DriverManager.getConnection(POSTGRES, "postgres", "");
                 Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
            }
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(database.equals("postgresql") ? "postgres" : "parkhub");
        try (HikariDataSource dataSource = new HikariDataSource(config)) {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("8").load().migrate();
            OffsetDateTime received = OffsetDateTime.of(2026, 11, 11, 0, 0, 1, 0, ZoneOffset.ofHours(8));
            Order order = new ParkFixtures(22).transaction().order();
            String payload = CanonicalMapper.toJson(order);
            try (Connection c = dataSource.getConnection();
                 PreparedStatement sender = c.prepareStatement("INSERT INTO participant (id, name, roles, profiles, delivery,"
                         + " created_at, updated_at) VALUES ('PLAT-01', 'Platform', 'PLATFORM', '[]', '{}', ?, ?)");
                 PreparedStatement message = c.prepareStatement("INSERT INTO message (id, type, schema_version, sender,"
                         + " received_at, channel, source, order_no, pay_transaction_id, payload, status, status_at)"
                         + " VALUES (?, 'ORDER', '1.0', 'PLAT-01', ?, '" + Channel.REST.code() + "', 'request', ?, ?, ?, ?, ?)")) {
                sender.setObject(1, received);
                sender.setObject(2, received);
                sender.executeUpdate();
                for (String[] row : new String[][] {{"m-routed", "ROUTED"}, {"m-received", "RECEIVED"}}) {
                    message.setString(1, row[0]);
                    message.setObject(2, received);
                    message.setString(3, order.orderNo());
                    message.setString(4, order.payTransactionId());
                    message.setString(5, payload);
                    message.setString(6, row[1]);
                    message.setObject(7, received.plusSeconds(row[1].equals("ROUTED") ? 5 : 0));
                    message.executeUpdate();
                }
            }
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();

            Journal journal = new Journal(dataSource, Clock.system(ZONE), ZONE);
            JournalEntry routed = journal.find("m-routed").orElseThrow();
            assertThat(routed.status()).isEqualTo(MessageStatus.ROUTED);
            assertThat(routed.statusAt().toInstant()).isEqualTo(received.plusSeconds(5).toInstant());
            JournalEntry waiting = journal.find("m-received").orElseThrow();
            assertThat(waiting.status()).isEqualTo(MessageStatus.RECEIVED);
            assertThat(waiting.statusAt().toInstant()).isEqualTo(received.toInstant());
            assertThat(journal.search(new Journal.MessageQuery(null, null, null, null, MessageStatus.RECEIVED, null, null),
                    null, 10)).extracting(e -> e.envelope().messageId()).containsExactly("m-received");
            assertThat(journal.search(new Journal.MessageQuery(null, order.payTransactionId(), null, null, null, null, null),
                    null, 10)).extracting(e -> e.envelope().messageId()).containsExactlyInAnyOrder("m-routed", "m-received");
            assertThat(journal.latest(MessageType.ORDER, CorrelationKey.ORDER_NO, order.orderNo())).isPresent();
            assertThat(journal.latest(MessageType.ORDER, CorrelationKey.LOGISTICS_NO, order.orderNo())).isEmpty();
        }
    }

    /**
     * The outbox's order is its sequence's: H2 takes the values from a large cache (one counter for all sessions, so
     * the order holds, and the store is not written every 32 messages); PostgreSQL keeps no cache, which there
     * would belong to a session and mix the order of messages journaled through different connections.
     */
    @ParameterizedTest
    @MethodSource("databases")
    void onlyH2CachesTheOutboxSequence(String database) throws Exception {
        try (HikariDataSource dataSource = open(database)) {
            String sql = database.equals("postgresql")
                    ? "SELECT cache_size FROM pg_sequences WHERE schemaname = '" + SCHEMA + "' AND sequencename = 'outbox_seq_seq'"
                    : "SELECT identity_cache FROM information_schema.columns WHERE table_name = 'outbox' AND column_name = 'seq'";
            assertThat(Statements.query(dataSource, "read the outbox's sequence", sql, ps -> { }, rs -> rs.getLong(1)))
                    .containsExactly(database.equals("postgresql") ? 1L : 10_000L);
        }
    }

    /**
     * Every journaled message and delivery event writes each index of its table: the outbox, cleared by entry
     * number, has no index but its key; on H2 the delivery events are found by message through their foreign key's
     * index, PostgreSQL (which makes no index for a key) keeps the explicit one.
     */
    @ParameterizedTest
    @MethodSource("databases")
    void messagesAndDeliveryEventsWriteNoIndexTwice(String database) throws Exception {
        try (HikariDataSource dataSource = open(database)) {
            String sql = database.equals("postgresql")
                    ? "SELECT tablename || ':' || indexdef FROM pg_indexes WHERE schemaname = '" + SCHEMA + "'"
                            + " AND tablename IN ('outbox', 'delivery_event') AND indexname NOT LIKE '%pkey'"
                    : "SELECT table_name || ':' || LISTAGG(column_name, ',') WITHIN GROUP (ORDER BY ordinal_position)"
                            + " FROM information_schema.index_columns WHERE table_schema = 'public'"
                            + " AND table_name IN ('outbox', 'delivery_event') AND column_name <> 'seq'"
                            + " GROUP BY table_name, index_name";
            List<String> indexes = Statements.query(dataSource, "list the indexes", sql, ps -> { }, rs -> rs.getString(1));
            if (database.equals("postgresql")) {
                assertThat(indexes).singleElement().asString().startsWith("delivery_event:").endsWith("(message_id)");
            } else {
                assertThat(indexes).containsExactly("delivery_event:message_id,recipient");
                assertThat(Statements.query(dataSource, "plan a delivery event lookup",
                        "EXPLAIN SELECT recipient FROM delivery_event WHERE message_id = 'm' ORDER BY seq", ps -> { },
                        rs -> rs.getString(1))).singleElement().asString().containsPattern("INDEX_\\w*: message_id = 'm'");
            }
        }
    }

    /**
     * The correlation keys have one plain index on the key (no unique index, which H2 checks with two more walks down
     * the tree per insert), and a search by key goes through it.
     */
    @ParameterizedTest
    @MethodSource("databases")
    void theKeysHaveOnePlainIndexOnTheKey(String database) throws Exception {
        try (HikariDataSource dataSource = open(database)) {
            String sql = database.equals("postgresql")
                    ? "SELECT indexdef FROM pg_indexes WHERE schemaname = '" + SCHEMA + "' AND tablename = 'message_key'"
                    : "SELECT LISTAGG(column_name, ',') WITHIN GROUP (ORDER BY ordinal_position) || ':' || MAX(i.index_type_name)"
                            + " FROM information_schema.index_columns c JOIN information_schema.indexes i"
                            + " ON i.index_schema = c.index_schema AND i.index_name = c.index_name"
                            + " WHERE c.table_schema = 'public' AND c.table_name = 'message_key' GROUP BY c.index_name";
            List<String> indexes = Statements.query(dataSource, "list the key indexes", sql, ps -> { }, rs -> rs.getString(1));
            if (database.equals("postgresql")) {
                assertThat(indexes).singleElement().asString().doesNotContain("UNIQUE").endsWith("(key_value)");
            } else {
                assertThat(indexes).containsExactly("key_value:INDEX");
                assertThat(Statements.query(dataSource, "plan a search by key",
                        "EXPLAIN SELECT message_id FROM message_key WHERE key_value = 'k'", ps -> { }, rs -> rs.getString(1)))
                        .singleElement().asString().contains("ix_message_key_value: key_value = 'k'");
            }
            Journal journal = new Journal(dataSource, Clock.system(ZONE), ZONE);
            Transaction t = new ParkFixtures(25).transaction();
            Envelope order = journal.accept("PLAT-01", Channel.REST, List.of(new Incoming(t.order(), "request r9 item 0"))).get(0).envelope();
            // the same order corrected: its second revision, found by the same key
            Envelope again = journal.accept("PLAT-01", Channel.REST, List.of(new Incoming(RecordEdit.with(t.order(), "note",
                    "corrected"), "request r10 item 0"))).get(0).envelope();
            assertThat(journal.search(new Journal.MessageQuery(null, t.order().orderNo(), null, null, null, null, null), null, 10))
                    .extracting(e -> e.envelope().messageId()).containsExactlyInAnyOrder(order.messageId(), again.messageId());
        }
    }

    /** The console's queries (search, traffic, files, sessions, audit, participants) in both SQL dialects. */
    @ParameterizedTest
    @MethodSource("databases")
    void theConsoleQueriesRunOnBothDatabases(String database) throws Exception {
        try (HikariDataSource dataSource = open(database)) {
            Clock clock = Clock.system(ZONE);
            Journal journal = new Journal(dataSource, clock, ZONE);
            Transaction t = new ParkFixtures(19).transaction();
            Envelope order = journal.accept("PLAT-01", Channel.REST, List.of(new Incoming(t.order(), "request r3 item 0"))).get(0).envelope();
            Journal.MessageQuery byKey = new Journal.MessageQuery(null, t.order().orderNo(), MessageType.ORDER, "PLAT-01",
                    MessageStatus.RECEIVED, order.receivedAt().minusMinutes(1), order.receivedAt().plusMinutes(1));
            assertThat(journal.search(byKey, null, 10)).extracting(e -> e.envelope().messageId()).containsExactly(order.messageId());
            assertThat(journal.search(new Journal.MessageQuery(null, "no-such-key", null, null, null, null, null), null, 10))
                    .isEmpty();

            TrafficLog traffic = new TrafficLog(dataSource, clock);
            traffic.add(TrafficLog.Direction.IN, "ftp", "order", "PLAT-01", 7, 3);
            traffic.add(TrafficLog.Direction.OUT, "queue", "order", "MERCH-01", 7, 0);
            traffic.flush();
            traffic.add(TrafficLog.Direction.IN, "ftp", "order", "PLAT-01", 1, 0);
            traffic.flush();
            Instant hourAgo = clock.instant().minusSeconds(3600);
            assertThat(traffic.perParticipant(hourAgo).get("PLAT-01")).isEqualTo(new TrafficLog.Totals(8, 3));
            assertThat(traffic.perParticipant(hourAgo)).doesNotContainKey("MERCH-01");
            assertThat(traffic.perMinute(hourAgo)).extracting(TrafficLog.Count::direction).contains(TrafficLog.Direction.OUT);
            assertThat(traffic.lastActivity().get("PLAT-01")).containsKey("ftp");

            InboundFiles files = new InboundFiles(dataSource);
            InboundFiles.Claim claim = files.claim("WH-QD-01", "stock.csv", "stock", "ab".repeat(32));
            files.started(claim.fileId(), 10);
            files.progress(claim.fileId(), 4, 1);
            files.refused("WH-QD-01", "empty.csv", "stock", "REFUSED", "empty.csv.receipt.csv", "the file is empty");
            List<InboundFiles.FileRow> listed = files.recent("WH-QD-01", null, 10);
            assertThat(listed).extracting(InboundFiles.FileRow::fileName).containsExactlyInAnyOrder("stock.csv", "empty.csv");
            assertThat(files.byId(claim.fileId()).orElseThrow().rowsDone()).isEqualTo(5);
            assertThat(files.recent(null, null, 10)).hasSize(2);

            AdminSessions sessions = new AdminSessions(dataSource, clock, Duration.ofMinutes(30), Duration.ofHours(12));
            AdminSessions.Session session = sessions.open("admin");
            assertThat(sessions.find(session.token())).map(AdminSessions.Session::user).contains("admin");
            sessions.close(session.token());
            assertThat(sessions.find(session.token())).isEmpty();
            AuditLog audit = new AuditLog(dataSource, clock, ZONE);
            audit.record("admin", "login", null, null);
            assertThat(audit.recent(10, null)).extracting(AuditLog.Entry::action).contains("login");

            assertThat(new DeliveryLog(dataSource, clock, ZONE, null).deadPerRecipient()).isEmpty();
            ParticipantStore store = new ParticipantStore(dataSource, SecretSealer.withNewKey());
            Participant merchant = store.findAll().stream().map(ParticipantStore.Stored::participant)
                    .filter(p -> p.id().equals("MERCH-01")).findFirst().orElseThrow();
            Participant taking = new Participant(merchant.id(), "Renamed", merchant.roles(),
                    Map.of(PartyCode.EBC, "3301960ABC"), merchant.profiles(), merchant.delivery());
            // the platform's code as an ebcCode is another code type: allowed; the platform's ebpCode is not
            assertThat(store.update(taking)).isTrue();
            Participant stealing = new Participant(merchant.id(), "Renamed", merchant.roles(),
                    Map.of(PartyCode.EBP, "3301960ABC"), merchant.profiles(), merchant.delivery());
            assertThatThrownBy(() -> store.update(stealing)).isInstanceOf(CodeTakenException.class);
        }
    }

    /**
     * Finding 19: PostgreSQL kept the relay poll's plan from the journal's first minutes (a hash join over every
     * message, cheap while there were few) and, millions of rows later, each poll still read the whole journal.
     * The hub's connections plan each run for the tables as they are: polled while the journal is empty, the same
     * prepared poll later reads its entries' messages by key.
     */
    @Test
    void theRelayPollIsPlannedForTheJournalAsItIsNow() throws Exception {
        try (HikariDataSource dataSource = open("postgresql", SCHEMA + "_plans");
             Connection c = dataSource.getConnection();
             Statement s = c.createStatement()) {
            s.execute("PREPARE poll(int) AS " + Outbox.UNPUBLISHED.replace("?", "$1"));
            for (int run = 0; run < 10; run++) {
                s.execute("EXECUTE poll(500)");
            }
            s.execute("INSERT INTO message (id, type, schema_version, sender, received_at, channel, source, payload)"
                    + " SELECT 'bulk-' || g, 'STOCK_MOVEMENT', '1', 'PLAT-01', now(), 'FTP', 'bulk.csv', '{}'"
                    + " FROM generate_series(1, 300000) g");
            s.execute("INSERT INTO outbox (message_id, created_at) SELECT 'bulk-' || g, now() FROM generate_series(1, 300000) g");
            List<String> plan = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("EXPLAIN EXECUTE poll(500)")) {
                while (rs.next()) {
                    plan.add(rs.getString(1));
                }
            }
            assertThat(plan).as(String.join("\n", plan))
                    .anyMatch(line -> line.contains("Index") && line.contains("on message m"))
                    .noneMatch(line -> line.contains("Seq Scan on message"));
        }
    }

    /** Journals one message from the platform by REST. */
    private static Envelope one(Journal journal, Record payload, String source) {
        return journal.accept("PLAT-01", Channel.REST, List.of(new Incoming(payload, source))).get(0).envelope();
    }

    private static HikariDataSource open(String database) throws SQLException {
        return open(database, SCHEMA);
    }

    /** The hub's pool on H2, or on PostgreSQL in {@code schema} (made if missing). */
    private static HikariDataSource open(String database, String schema) throws SQLException {
        return TestDatabases.open(database, h2Dir, schema);
    }
}
