package org.parkhub.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.parkhub.fixtures.ParkFixtures;
import org.parkhub.fixtures.Transaction;
import org.parkhub.model.Channel;
import org.parkhub.model.Envelope;
import org.parkhub.model.MessageType;
import org.parkhub.participant.ParticipantSeed;
import org.parkhub.participant.ParticipantStore;
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
            List<Recipient> first = List.of(new Recipient("MERCH-01", "code:ebcCode"), new Recipient("WH-QD-01", "role:WAREHOUSE"));
            assertThat(journal.recordRouting(order.messageId(), first)).isEqualTo(first);
            // a redelivered event keeps the decision already made
            assertThat(journal.recordRouting(order.messageId(), List.of(new Recipient("BROKER-01", "role:BROKER"))))
                    .containsExactlyInAnyOrderElementsOf(first);
            JournalEntry entry = journal.find(order.messageId()).orElseThrow();
            assertThat(entry.status()).isEqualTo(MessageStatus.ROUTED);
            assertThat(entry.deliveries()).extracting(DeliveryState::recipient, DeliveryState::status)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("MERCH-01", DeliveryStatus.QUEUED),
                            org.assertj.core.groups.Tuple.tuple("WH-QD-01", DeliveryStatus.QUEUED));
            assertThat(entry.isVisibleTo("WH-QD-01")).isTrue();
            assertThat(entry.isVisibleTo("LOG-01")).isFalse();
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
