package org.parkhub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parkhub.fixtures.ProfileSamples;
import org.parkhub.fixtures.RecordEdit;
import org.parkhub.journal.Incoming;
import org.parkhub.journal.Journal;
import org.parkhub.journal.Journaled;
import org.parkhub.journal.TrafficLog;
import org.parkhub.model.Channel;
import org.parkhub.model.DocumentAction;
import org.parkhub.model.MessageType;
import org.parkhub.model.StockMovement;
import org.parkhub.participant.Participant;
import org.parkhub.participant.ParticipantDirectory;
import org.parkhub.participant.ParticipantSeed;
import org.parkhub.participant.ParticipantStore;
import org.parkhub.participant.PartyCode;
import org.parkhub.participant.SecretHasher;
import org.parkhub.participant.SecretSealer;
import org.parkhub.platform.Database;
import org.parkhub.platform.HubMetrics;
import org.parkhub.support.TestSettings;
import org.parkhub.validate.FieldError;
import org.parkhub.validate.MessageValidator;

/**
 * The one intake: the same record gets the same verdict from {@link MessageIntake#check} whichever channel hands it in,
 * a request's items and a file's batches enter the journal through it, and a resumed file finds its journaled rows.
 */
class MessageIntakeTest {

    @TempDir
    Path dataDir;
    HikariDataSource dataSource;
    MessageIntake intake;
    Participant warehouse;
    Participant platform;

    @BeforeEach
    void setUp() {
        dataSource = Database.open(TestSettings.embedded(dataDir));
        ParticipantStore store = new ParticipantStore(dataSource, SecretSealer.withNewKey());
        new ParticipantSeed(store, new SecretHasher()).importFile(Path.of("config/participants.yaml"));
        ParticipantDirectory participants = new ParticipantDirectory(store);
        participants.reload();
        warehouse = participants.byId("WH-QD-01").orElseThrow();
        platform = participants.byId("PLAT-01").orElseThrow();
        Clock clock = Clock.system(TestSettings.ZONE);
        intake = new MessageIntake(new MessageValidator(clock), new Journal(dataSource, clock, TestSettings.ZONE),
                new IdempotencyKeys(dataSource), new HubMetrics(new SimpleMeterRegistry(), new TrafficLog(dataSource, clock)));
    }

    @AfterEach
    void tearDown() {
        dataSource.close();
    }

    @Test
    void onlyPermittedRolesMaySendAType() {
        assertThat(intake.maySend(warehouse, MessageType.STOCK_MOVEMENT)).isTrue();
        assertThat(intake.maySend(warehouse, MessageType.ORDER)).isFalse();
        assertThat(intake.maySend(platform, MessageType.ORDER)).isTrue();
    }

    @Test
    void aRecordIsCheckedForItsValuesAndForTheSendersOwnCode() {
        StockMovement good = movements(1).get(0);
        assertThat(intake.check(warehouse, MessageType.STOCK_MOVEMENT, good, List.of()).passed()).isTrue();

        StockMovement foreign = RecordEdit.with(good, "warehouseCode", "OTHER01");
        assertThat(intake.check(warehouse, MessageType.STOCK_MOVEMENT, foreign, List.of()).errors())
                .extracting(FieldError::code).containsExactly("NOT_YOUR_CODE");

        StockMovement badQty = RecordEdit.with(good, "qty", "0");
        assertThat(intake.check(warehouse, MessageType.STOCK_MOVEMENT, badQty, List.of()).errors())
                .extracting(FieldError::field).contains("qty");
    }

    @Test
    void whatTheReaderFoundWrongRejectsTheRecordAsItIs() {
        FieldError unreadable = new FieldError("qty", "NUMBER", "'x' is not a number");
        MessageIntake.Checked checked = intake.check(warehouse, MessageType.STOCK_MOVEMENT, null, List.of(unreadable));
        assertThat(checked.passed()).isFalse();
        assertThat(checked.errors()).containsExactly(unreadable);
    }

    @Test
    void aFilesBatchIsJournaledAndItsRowsAreFoundAgainForAResume() {
        List<Incoming> batch = new ArrayList<>();
        List<StockMovement> movements = movements(3);
        for (int i = 0; i < movements.size(); i++) {
            batch.add(new Incoming(movements.get(i), "file f.csv line " + (i + 2), "file-1", (long) i + 2, DocumentAction.NEW));
        }
        List<Journaled> journaled = intake.journal(warehouse, Channel.FTP, batch);
        assertThat(journaled).hasSize(3).allSatisfy(j -> assertThat(j.envelope().sender()).isEqualTo("WH-QD-01"));
        assertThat(intake.journaledRows("file-1", 3, 10))
                .isEqualTo(Map.of(3L, journaled.get(1).messageId(), 4L, journaled.get(2).messageId()));
        assertThat(intake.journaledRows("file-2", 0, 10)).isEmpty();
    }

    @Test
    void aRequestWithAnotherFirmsCodeIsRefusedWholeAndJournalsNothing() throws Exception {
        List<StockMovement> movements = movements(2);
        List<ParsedItem> items = List.of(ParsedItem.ok(0, movements.get(0)),
                ParsedItem.ok(1, RecordEdit.with(movements.get(1), "warehouseCode", "OTHER01")));
        MessageIntake.Outcome outcome = intake.intake(warehouse, MessageType.STOCK_MOVEMENT, items, Channel.REST,
                "request r1", Optional.empty());
        assertThat(outcome.foreignCodes()).isTrue();
        assertThat(outcome.accepted()).isZero();
        assertThat(intake.intake(warehouse, MessageType.STOCK_MOVEMENT, items.subList(0, 1), Channel.REST,
                "request r2", Optional.empty()).accepted()).isEqualTo(1);
    }

    private List<StockMovement> movements(int count) {
        String code = warehouse.code(PartyCode.WAREHOUSE).orElseThrow();
        List<StockMovement> movements = new ArrayList<>();
        ProfileSamples.stockMovements(7, count).forEachRemaining(m -> movements.add(RecordEdit.with(m, "warehouseCode", code)));
        return movements;
    }
}
