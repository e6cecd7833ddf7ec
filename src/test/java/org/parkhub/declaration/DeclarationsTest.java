package org.parkhub.declaration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.parkhub.fixtures.ParkFixtures;
import org.parkhub.fixtures.RecordEdit;
import org.parkhub.ingest.IdempotencyKeys;
import org.parkhub.ingest.MessageIntake;
import org.parkhub.journal.Incoming;
import org.parkhub.journal.Journal;
import org.parkhub.journal.TestDatabases;
import org.parkhub.journal.TrafficLog;
import org.parkhub.model.Channel;
import org.parkhub.model.CustomsReceipt;
import org.parkhub.model.InventoryDeclaration;
import org.parkhub.participant.Delivery;
import org.parkhub.participant.Participant;
import org.parkhub.participant.Role;
import org.parkhub.platform.HubMetrics;
import org.parkhub.validate.MessageValidator;

/**
 * The declarations kept in step with the journal, on both databases: made by a CEB621, tied to customs' answers by
 * any number they carry, their state from customs' order, found for routing, counted and found overstaying.
 */
class DeclarationsTest {

    static final String SCHEMA = "parkhub_declarations_test_" + UUID.randomUUID().toString().substring(0, 8);
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final OffsetDateTime T0 = OffsetDateTime.parse("2026-12-07T09:00:00+08:00");
    static final Participant BROKER = new Participant("BROKER-01", "Demo Broker", Set.of(Role.BROKER), Map.of(), Map.of(),
            Delivery.defaultQueue());
    static final Participant CUSTOMS = new Participant("CUSTOMS", "Customs", Set.of(Role.CUSTOMS), Map.of(), Map.of(),
            Delivery.defaultQueue());

    @TempDir
    static Path h2Dir;

    static Stream<String> databases() {
        return TestDatabases.names();
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        TestDatabases.drop(SCHEMA);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void answersAreTiedByTheirNumbersAndCustomsOrderDecides(String database) throws Exception {
        try (HikariDataSource dataSource = TestDatabases.open(database, h2Dir, SCHEMA)) {
            Declarations declarations = new Declarations(dataSource);
            MessageIntake intake = new MessageIntake(new MessageValidator(Clock.system(ZONE)),
                    new Journal(dataSource, Clock.system(ZONE), ZONE), new IdempotencyKeys(dataSource),
                    new HubMetrics(new SimpleMeterRegistry(), new TrafficLog(dataSource, Clock.system(ZONE))), declarations);
            ParkFixtures fixtures = new ParkFixtures(951);
            String copNo = "COPDB" + database.toUpperCase().charAt(0) + "00000001";
            InventoryDeclaration declaration = RecordEdit.with(fixtures.declaration(fixtures.transaction()), "copNo", copNo);

            // customs' first answer comes before the declaration; the release before the 120 it follows
            journal(intake, CUSTOMS, receipt(declaration, 2, 1, null));
            journal(intake, BROKER, declaration);
            journal(intake, CUSTOMS, receipt(declaration, 800, 30, "4227202610000099"));
            journal(intake, CUSTOMS, receipt(declaration, 120, 10, "4227202610000099"));

            Declarations.Declared found = declarations.find(copNo).orElseThrow();
            assertThat(found.declaration().state()).isEqualTo(DeclarationState.RELEASED);
            assertThat(found.declaration().invtNo()).isEqualTo("4227202610000099");
            assertThat(found.declaration().areaCode()).isEqualTo("3702W6");
            assertThat(found.declaration().messageId()).isNotNull();
            assertThat(found.events()).extracting(DeclarationEvent::status).containsExactly(2, 120, 800);

            // an answer naming only the inventory number finds the declaration's parties
            CustomsReceipt byInvtNo = CustomsReceipt.of("CEB818", "0e0b1c55-6f1a-4c47-9d55-6a3f0c2e7000").tax("TAX-1", null, null)
                    .documents(null, null, "4227202610000099").status(1, T0, "generated");
            assertThat(declarations.of(byInvtNo)).containsEntry("areaCode", "3702W6")
                    .containsEntry("agentCode", declaration.agentCode());
            assertThat(declarations.counts()).containsEntry(DeclarationState.RELEASED, 1L);
            assertThat(declarations.latest(Optional.of(DeclarationState.RELEASED), 10)).extracting(Declaration::copNo)
                    .containsExactly(copNo);

            // released at T0 + 30 min: overstayed by now if releases were watched for an hour, not for a year
            OffsetDateTime now = OffsetDateTime.now(ZONE);
            assertThat(declarations.stuck(now, Map.of(DeclarationState.RELEASED, Duration.ofHours(1))))
                    .containsOnlyKeys("RELEASED").extractingByKey("RELEASED").asString().contains(copNo);
            assertThat(declarations.stuck(now, Map.of(DeclarationState.RELEASED, Duration.ofDays(3650)))).isEmpty();
        }
    }

    private static void journal(MessageIntake intake, Participant sender, Record payload) {
        assertThat(intake.journal(sender, Channel.CEB_XML, List.of(new Incoming(payload, "test")))).singleElement()
                .satisfies(j -> assertThat(j.refusal()).isNull());
    }

    private static CustomsReceipt receipt(InventoryDeclaration d, int status, int minutes, String invtNo) {
        return CustomsReceipt.of("CEB622", String.format("0E0B1C55-6F1A-4C47-9D55-6A3F0C2E7%03d", status))
                .customsCode(d.customsCode()).agentCode(d.agentCode()).documents(d.copNo(), "E20261207000000951", invtNo)
                .status(status, T0.plusMinutes(minutes), "status " + status);
    }
}
