package org.parkhub.ingest.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.zaxxer.hikari.HikariDataSource;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parkhub.fixtures.CsvFixtureWriter;
import org.parkhub.fixtures.ProfileSamples;
import org.parkhub.fixtures.RecordEdit;
import org.parkhub.ingest.CebReading;
import org.parkhub.ingest.IdempotencyKeys;
import org.parkhub.ingest.MessageIntake;
import org.parkhub.ingest.csv.CsvProfiles;
import org.parkhub.journal.Incoming;
import org.parkhub.journal.Journal;
import org.parkhub.journal.Outbox;
import org.parkhub.journal.TrafficLog;
import org.parkhub.model.Channel;
import org.parkhub.model.DocumentAction;
import org.parkhub.model.MessageType;
import org.parkhub.model.StockMovement;
import org.parkhub.participant.Delivery;
import org.parkhub.participant.Participant;
import org.parkhub.participant.ParticipantDirectory;
import org.parkhub.participant.ParticipantSeed;
import org.parkhub.participant.ParticipantStore;
import org.parkhub.participant.PartyCode;
import org.parkhub.participant.Role;
import org.parkhub.participant.SecretHasher;
import org.parkhub.participant.SecretSealer;
import org.parkhub.platform.Database;
import org.parkhub.platform.HubMetrics;
import org.parkhub.support.TestSettings;
import org.parkhub.validate.MessageValidator;

/** File processing without the FTP server: policies, resuming after a crash, files the hub will not read. */
class FileIngressTest {

    @TempDir
    Path dataDir;
    HikariDataSource dataSource;
    Journal journal;
    InboxLayout layout;
    InboundFiles files;
    FileIngress ingress;

    @BeforeEach
    void setUp() {
        dataSource = Database.open(TestSettings.embedded(dataDir));
        ParticipantStore store = new ParticipantStore(dataSource, SecretSealer.withNewKey());
        new ParticipantSeed(store, new SecretHasher()).importFile(Path.of("config/participants.yaml"));
        store.insert(new ParticipantStore.Stored(new Participant("WH-STRICT", "Strict warehouse", Set.of(Role.WAREHOUSE),
                Map.of(PartyCode.WAREHOUSE, "QDBW01X"), Map.of("stock", "stock-strict"), Delivery.defaultQueue()), null, null, null));
        ParticipantDirectory participants = new ParticipantDirectory(store);
        participants.reload();
        journal = new Journal(dataSource, Clock.system(TestSettings.ZONE), TestSettings.ZONE);
        layout = new InboxLayout(dataDir);
        participants.all().forEach(p -> layout.createHome(p.id()));
        files = new InboundFiles(dataSource);
        HubMetrics metrics = new HubMetrics(new SimpleMeterRegistry(), new TrafficLog(dataSource, Clock.system(TestSettings.ZONE)));
        MessageIntake intake = new MessageIntake(new MessageValidator(Clock.system(TestSettings.ZONE)), journal,
                new IdempotencyKeys(dataSource), metrics);
        ingress = new FileIngress(layout, files, participants, CsvProfiles.load(Path.of("src/test/resources/profiles-test")),
                intake, TestSettings.ZONE, new CebReading(TestSettings.ZONE, false), metrics);
    }

    @AfterEach
    void tearDown() {
        dataSource.close();
    }

    @Test
    void allOrNothingRejectsTheWholeFileForOneBadRow() throws Exception {
        List<StockMovement> movements = movements("QDBW01X", 3);
        movements.set(1, RecordEdit.with(movements.get(1), "qty", "-4"));
        drop("WH-STRICT", InboxLayout.Folder.STOCK, "strict.csv", movements);
        ingress.process(new InboxFile("WH-STRICT", InboxLayout.Folder.STOCK, "strict.csv"));

        List<List<String>> receipt = receipt("WH-STRICT", "strict.csv");
        assertThat(receipt.subList(1, 4)).extracting(r -> r.get(1)).containsOnly("REJECTED");
        assertThat(receipt.get(1).get(3)).contains("ALL_OR_NOTHING");
        assertThat(receipt.get(2).get(3)).contains("QTY_SIGN");
        assertThat(receipt.get(4)).startsWith("summary", "REJECTED");
        assertThat(new Outbox(dataSource, TestSettings.ZONE).unpublished(100)).as("nothing journaled").isEmpty();
    }

    @Test
    void allOrNothingAcceptsAGoodFile() throws Exception {
        drop("WH-STRICT", InboxLayout.Folder.STOCK, "good.csv", movements("QDBW01X", 3));
        ingress.process(new InboxFile("WH-STRICT", InboxLayout.Folder.STOCK, "good.csv"));
        assertThat(receipt("WH-STRICT", "good.csv").get(4)).startsWith("summary", "ACCEPTED");
        assertThat(new Outbox(dataSource, TestSettings.ZONE).unpublished(100)).hasSize(3);
    }

    @Test
    void aFileCutOffByACrashResumesWithoutJournalingRowsTwice() throws Exception {
        List<StockMovement> movements = movements("QDBW01X", 8);
        Path work = layout.work("WH-STRICT", InboxLayout.Folder.STOCK).resolve("crashed-run");
        Files.createDirectories(work);
        Path taken = work.resolve("resume.csv");
        CsvFixtureWriter.write(taken, CsvProfiles.defaultFor(MessageType.STOCK_MOVEMENT), TestSettings.ZONE, movements.iterator());
        // the crashed run had claimed the file and committed its first batch: rows on lines 2..4
        String sha = FileInspector.inspect(taken, java.util.Optional.empty()).sha256();
        InboundFiles.Claim claim = files.claim("WH-STRICT", "resume.csv", "stock", sha);
        List<Incoming> firstBatch = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            firstBatch.add(new Incoming(movements.get(i), "file resume.csv line " + (i + 2), claim.fileId(), (long) i + 2, DocumentAction.NEW));
        }
        List<String> earlierIds = journal.accept("WH-STRICT", Channel.FTP, firstBatch).stream().map(e -> e.messageId()).toList();

        ingress.resume(new InboxFile("WH-STRICT", InboxLayout.Folder.STOCK, "resume.csv"), taken);

        List<List<String>> receipt = receipt("WH-STRICT", "resume.csv");
        assertThat(receipt.subList(1, 9)).extracting(r -> r.get(1)).containsOnly("ACCEPTED");
        assertThat(receipt.subList(1, 4)).extracting(r -> r.get(2)).containsExactlyElementsOf(earlierIds);
        assertThat(journal.messagesOfFile(claim.fileId(), 1, 100)).hasSize(8);
        assertThat(work).doesNotExist();
    }

    @Test
    void aFirmThatMayNotSendTheTypeIsToldSo() throws Exception {
        drop("PAY-01", InboxLayout.Folder.STOCK, "stock.csv", movements("QDBW01", 1));
        ingress.process(new InboxFile("PAY-01", InboxLayout.Folder.STOCK, "stock.csv"));
        List<List<String>> receipt = receipt("PAY-01", "stock.csv");
        assertThat(receipt.get(1)).startsWith("summary", "REJECTED");
        assertThat(receipt.get(1).get(3)).contains("may not send stock-movement");
    }

    @Test
    void unknownFileKindsAndCustomsXmlAreAnsweredNotIgnored() throws Exception {
        Files.writeString(layout.inbox("WH-STRICT", InboxLayout.Folder.STOCK).resolve("stock.xlsx"), "PK...");
        ingress.process(new InboxFile("WH-STRICT", InboxLayout.Folder.STOCK, "stock.xlsx"));
        assertThat(receipt("WH-STRICT", "stock.xlsx").get(1).get(3)).contains(".csv, .json or .xml");
        Files.writeString(layout.inbox("WH-STRICT", InboxLayout.Folder.CEB).resolve("ceb311.xml"), "<x/>");
        ingress.process(new InboxFile("WH-STRICT", InboxLayout.Folder.CEB, "ceb311.xml"));
        // customs XML the hub cannot read is answered as the e-port would: a CEB900
        String answer = Files.readString(layout.receipts("WH-STRICT").resolve("ceb311.xml.receipt.xml"));
        assertThat(answer).contains("CEB900Message").contains("<returnStatus>-1<").contains("x is not a customs message");
        assertThat(layout.receipts("WH-STRICT").resolve("ceb311.xml.receipt.csv")).doesNotExist();
    }

    @Test
    void processedFilesAreArchivedWithTheirReceipts() throws Exception {
        drop("WH-STRICT", InboxLayout.Folder.STOCK, "archived.csv", movements("QDBW01X", 1));
        ingress.process(new InboxFile("WH-STRICT", InboxLayout.Folder.STOCK, "archived.csv"));
        try (var archived = Files.walk(layout.archive("WH-STRICT"))) {
            assertThat(archived.map(p -> p.getFileName().toString()))
                    .anyMatch(n -> n.endsWith("-archived.csv")).anyMatch(n -> n.endsWith("-archived.csv.receipt.csv"));
        }
        assertThat(layout.inbox("WH-STRICT", InboxLayout.Folder.STOCK).resolve("archived.csv")).doesNotExist();
    }

    private static List<StockMovement> movements(String warehouseCode, int count) {
        List<StockMovement> movements = new ArrayList<>();
        ProfileSamples.stockMovements(5, count).forEachRemaining(m -> movements.add(RecordEdit.with(m, "warehouseCode", warehouseCode)));
        return movements;
    }

    private void drop(String participant, InboxLayout.Folder folder, String name, List<StockMovement> movements) throws IOException {
        CsvFixtureWriter.write(layout.inbox(participant, folder).resolve(name),
                CsvProfiles.defaultFor(MessageType.STOCK_MOVEMENT), TestSettings.ZONE, movements.iterator());
    }

    private List<List<String>> receipt(String participant, String name) throws IOException {
        String text = Files.readString(layout.receipts(participant).resolve(name + ".receipt.csv"), StandardCharsets.UTF_8)
                .replace("\uFEFF", "");
        try (CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(text)) {
            return csv.stream().map(CsvRecord::getFields).toList();
        }
    }
}
