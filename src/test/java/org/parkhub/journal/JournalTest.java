package org.parkhub.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.parkhub.admin.AdminSessions;
import org.parkhub.admin.AuditLog;
import org.parkhub.fixtures.ParkFixtures;
import org.parkhub.fixtures.Transaction;
import org.parkhub.ingest.file.InboundFiles;
import org.parkhub.model.Channel;
import org.parkhub.model.Envelope;
import org.parkhub.model.MessageType;
import org.parkhub.participant.CodeTakenException;
import org.parkhub.participant.Participant;
import org.parkhub.participant.ParticipantSeed;
import org.parkhub.participant.ParticipantStore;
import org.parkhub.participant.PartyCode;
import org.parkhub.participant.SecretHasher;
import org.parkhub.platform.Database;
import org.parkhub.platform.HubSettings;
import org.parkhub.support.TestSettings;

/**
 * The journal on both databases it runs on: embedded H2 and this machine's PostgreSQL (database
 * {@code test}, a schema of its own), migrated by the same Flyway scripts.
 */
class JournalTest {

    static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String SCHEMA = "parkhub_journal_test_" + UUID.randomUUID().toString().substring(0, 8);
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @TempDir
    static Path h2Dir;

    static Stream<String> databases() {
        return Stream.of("h2", "postgresql");
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        try (Connection c = DriverManager.getConnection(POSTGRES, "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void acceptedMessagesAreJournaledWithTheirOutboxEntries(String database) throws Exception {
        try (HikariDataSource dataSource = open(database)) {
            Journal journal = new Journal(dataSource, Clock.system(ZONE), ZONE);
            Transaction t = new ParkFixtures(17).transaction();
            List<Envelope> accepted = journal.accept("PLAT-01", Channel.REST,
                    List.of(new Incoming(t.order(), "request r1 item 0"), new Incoming(t.payment(), "request r1 item 1")));

            assertThat(accepted).extracting(Envelope::type).containsExactly(MessageType.ORDER, MessageType.PAYMENT);
            JournalEntry order = journal.find(accepted.get(0).messageId()).orElseThrow();
            assertThat(order.envelope()).isEqualTo(accepted.get(0));
            assertThat(order.envelope().payload()).isEqualTo(t.order());
            assertThat(order.status()).isEqualTo(MessageStatus.RECEIVED);
            assertThat(order.envelope().keys().orderNo()).isEqualTo(t.order().orderNo());

            assertThat(journal.unpublished(100)).extracting(Envelope::messageId)
                    .containsSubsequence(accepted.get(0).messageId(), accepted.get(1).messageId());
            journal.published(List.of(accepted.get(0).messageId()));
            assertThat(journal.unpublished(100)).extracting(Envelope::messageId)
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
            Envelope order = journal.accept("PLAT-01", Channel.REST,
                    List.of(new Incoming(new ParkFixtures(18).transaction().order(), "request r2 item 0"))).get(0);
            Envelope payment = journal.accept("PLAT-01", Channel.REST,
                    List.of(new Incoming(new ParkFixtures(18).transaction().payment(), "request r3 item 0"))).get(0);
            List<Recipient> first = List.of(new Recipient("MERCH-01", "code:ebcCode"), new Recipient("WH-QD-01", "role:WAREHOUSE"));
            assertThat(journal.recordRouting(Map.of(order.messageId(), first))).containsExactly(entry(order.messageId(), first));
            // a redelivered event keeps the decision already made, in a batch with a new one
            List<Recipient> paymentTo = List.of(new Recipient("BROKER-01", "role:BROKER"));
            Map<String, List<Recipient>> again = new LinkedHashMap<>();
            again.put(order.messageId(), List.of(new Recipient("BROKER-01", "role:BROKER")));
            again.put(payment.messageId(), paymentTo);
            Map<String, List<Recipient>> recorded = journal.recordRouting(again);
            assertThat(recorded.get(order.messageId())).containsExactlyInAnyOrderElementsOf(first);
            assertThat(recorded.get(payment.messageId())).isEqualTo(paymentTo);
            assertThat(journal.find(payment.messageId()).orElseThrow().status()).isEqualTo(MessageStatus.ROUTED);
            // a message the journal does not hold fails the whole batch: nothing of it is kept
            Envelope another = journal.accept("PLAT-01", Channel.REST,
                    List.of(new Incoming(new ParkFixtures(19).transaction().order(), "request r4 item 0"))).get(0);
            Map<String, List<Recipient>> broken = new LinkedHashMap<>();
            broken.put(another.messageId(), paymentTo);
            broken.put("not-journaled", paymentTo);
            assertThatThrownBy(() -> journal.recordRouting(broken)).hasMessageContaining("not-journaled");
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

    /** The console's queries (search, traffic, files, sessions, audit, participants) in both SQL dialects. */
    @ParameterizedTest
    @MethodSource("databases")
    void theConsoleQueriesRunOnBothDatabases(String database) throws Exception {
        try (HikariDataSource dataSource = open(database)) {
            Clock clock = Clock.system(ZONE);
            Journal journal = new Journal(dataSource, clock, ZONE);
            Transaction t = new ParkFixtures(19).transaction();
            Envelope order = journal.accept("PLAT-01", Channel.REST, List.of(new Incoming(t.order(), "request r3 item 0"))).get(0);
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
            ParticipantStore store = new ParticipantStore(dataSource);
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

    private static HikariDataSource open(String database) throws SQLException {
        String url = "";
        if (database.equals("postgresql")) {
            try (Connection c = DriverManager.getConnection(POSTGRES, "postgres", "");
                 Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA IF NOT EXISTS " + SCHEMA);
            }
            url = POSTGRES + "?currentSchema=" + SCHEMA;
        }
        HubSettings settings = TestSettings.withDatabase(h2Dir, url, database.equals("postgresql") ? "postgres" : "");
        HikariDataSource dataSource = Database.open(settings);
        new ParticipantSeed(new ParticipantStore(dataSource), new SecretHasher()).importFile(settings.participantsFile());
        return dataSource;
    }
}
