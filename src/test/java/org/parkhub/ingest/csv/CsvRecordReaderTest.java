package org.parkhub.ingest.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parkhub.fixtures.ProfileSamples;
import org.parkhub.ingest.file.FileRecord;
import org.parkhub.ingest.file.UnreadableFileException;
import org.parkhub.model.DocumentAction;
import org.parkhub.model.MessageType;
import org.parkhub.model.Order;
import org.parkhub.model.StockMovement;
import org.parkhub.support.TestSettings;
import org.parkhub.validate.FieldError;

class CsvRecordReaderTest {

    static final String ORDER_HEADER = "orderNo,ebpCode,ebcCode,goodsValue,freight,discount,taxTotal,actualPaid,currency,"
            + "buyerName,buyerIdType,buyerIdNumber,buyerPhone,consigneeName,consigneePhone,consigneeAddress,"
            + "sku,name,unit,qty,price,totalPrice,originCountry\n";
    static final String HEAD = "3301960ABC,3301960XYZ,300.00,10,0,0,310.00,CNY,Buyer 1,1,110101199001011237,13800000000,"
            + "Buyer 1,13800000000,1 Test Road,";

    @Test
    void orderLinesAreGroupedByOrderNoAndNumbered() throws Exception {
        String csv = ORDER_HEADER
                + "O-1," + HEAD + "SKU-1,Cream,011,2,100,200,KOR\n"
                + "O-1," + HEAD + "SKU-2,Serum,011,1,100,100,JPN\n"
                + "O-2," + HEAD + "SKU-3,Mask,011,3,100,300,KOR\n";
        List<FileRecord> records = read(csv, CsvProfiles.defaultFor(MessageType.ORDER));
        assertThat(records).hasSize(2);
        assertThat(records.get(0).lines()).containsExactly(2L, 3L);
        Order first = (Order) records.get(0).payload();
        assertThat(first.lines()).extracting(l -> l.gnum() + ":" + l.sku()).containsExactly("1:SKU-1", "2:SKU-2");
        assertThat(first.buyer().name()).isEqualTo("Buyer 1");
        assertThat(records.get(1).lines()).containsExactly(4L);
    }

    @Test
    void aGroupLongerThanAnyRecordIsRejectedWithoutHoldingItInMemory() throws Exception {
        StringBuilder csv = new StringBuilder(ORDER_HEADER);
        for (int i = 0; i < CsvRecordReader.MAX_GROUP_ROWS + 5; i++) {
            csv.append("O-BIG,").append(HEAD).append("SKU-1,Cream,011,1,100,100,KOR\n");
        }
        csv.append("O-NEXT,").append(HEAD).append("SKU-1,Cream,011,3,100,300,KOR\n");
        List<FileRecord> records = read(csv.toString(), CsvProfiles.defaultFor(MessageType.ORDER));
        assertThat(records).hasSize(2);
        assertThat(records.get(0).lines()).hasSize(CsvRecordReader.MAX_GROUP_ROWS + 5);
        assertThat(records.get(0).errors()).extracting(FieldError::code).containsExactly("GROUP_TOO_LARGE");
        assertThat(records.get(1).payload()).isNotNull();
    }

    @Test
    void headFieldsThatDifferWithinARecordAreAnError() throws Exception {
        String csv = ORDER_HEADER
                + "O-1," + HEAD + "SKU-1,Cream,011,2,100,200,KOR\n"
                + "O-1," + HEAD.replace("1 Test Road", "2 Other Road") + "SKU-2,Serum,011,1,100,100,JPN\n";
        FileRecord record = read(csv, CsvProfiles.defaultFor(MessageType.ORDER)).get(0);
        assertThat(record.payload()).isNull();
        assertThat(record.errors()).extracting(FieldError::code).containsExactly("GROUP_MISMATCH");
    }

    @Test
    void valuesDatesAndNumbersAreReadAsTheProfileSays(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("semicolons.yaml"), """
                type: stock-movement
                delimiter: ";"
                headerRow: 2
                columns: {Lager: warehouseCode, Eigner: ebcCode, Artikel: sku, Charge: batchNo, Menge: qty,
                          Einheit: unit, Art: kind, Zeit: occurredAt}
                values: {kind: {Zugang: RECEIPT}, unit: {Stk: "011"}}
                dateTimeFormats: ["d.M.yyyy H:mm"]
                decimalSeparator: ","
                thousandsSeparator: "."
                """);
        CsvProfile profile = CsvProfiles.load(dir).byName("semicolons").orElseThrow();
        String csv = "Bestandsexport vom 5.3.2026\nLager;Eigner;Artikel;Charge;Menge;Einheit;Art;Zeit\n"
                + "QDBW01;3301960XYZ;SKU-1;B1;1.234,5;Stk;Zugang;5.3.2026 14:02\n";
        StockMovement movement = (StockMovement) read(csv, profile).get(0).payload();
        assertThat(movement.qty()).isEqualByComparingTo("1234.5");
        assertThat(movement.unit()).isEqualTo("011");
        assertThat(movement.occurredAt().toString()).isEqualTo("2026-03-05T14:02+08:00");
    }

    @Test
    void aCellThatIsNotANumberOrADateIsAnErrorOfItsRow() throws Exception {
        String csv = "warehouseCode,ebcCode,sku,batchNo,qty,unit,kind,occurredAt\n"
                + "QDBW01,3301960XYZ,SKU-1,B1,twelve,011,RECEIPT,yesterday\n";
        FileRecord record = read(csv, CsvProfiles.defaultFor(MessageType.STOCK_MOVEMENT)).get(0);
        assertThat(record.errors()).extracting(FieldError::field).containsExactlyInAnyOrder("qty", "occurredAt");
    }

    @Test
    void thousandsSeparatorsOnlyGroupTheWholePart() throws Exception {
        String header = "warehouseCode,ebcCode,sku,batchNo,qty,unit,kind,occurredAt\n";
        String row = "QDBW01,3301960XYZ,SKU-1,B1,%s,011,RECEIPT,2026-03-05T14:02:00+08:00\n";
        CsvProfile profile = CsvProfiles.load(Path.of("config/profiles")).byName("warehouse-gbk").orElseThrow();
        String csv = "仓库编码,货主海关编码,商品货号,批次号,数量,计量单位,业务类型,账册编号,账册备案序号,单据号,发生时间\n";
        String line = "QDBW01,3301960XYZ,SKU-1,B1,%s,件,入库,,,R1,2026/3/5 14:02\n";
        assertThat(((StockMovement) read(csv + line.formatted("\"1,200.5\""), profile).get(0).payload()).qty())
                .isEqualByComparingTo("1200.5");
        for (String misplaced : List.of("\"1.200,5\"", "\"12,00\"", "\"1,2345\"")) {
            assertThat(read(csv + line.formatted(misplaced), profile).get(0).errors())
                    .as(misplaced).extracting(FieldError::message).anySatisfy(m -> assertThat(m).contains("separates thousands"));
        }
        assertThat(read(header + row.formatted("7"), CsvProfiles.defaultFor(MessageType.STOCK_MOVEMENT)).get(0).errors()).isEmpty();
    }

    @Test
    void theActionColumnSaysWhatEachRecordDoesToItsDocumentInTheProfilesWords() throws Exception {
        CsvProfile profile = CsvProfiles.load(Path.of("config/profiles")).byName("warehouse-gbk").orElseThrow();
        String csv = "仓库编码,货主海关编码,商品货号,批次号,数量,计量单位,业务类型,单据号,发生时间,操作类型\n"
                + "QDBW01,3301960XYZ,SKU-1,B1,5,件,入库,R1,2026/3/5 14:02,新增\n"
                + "QDBW01,3301960XYZ,SKU-2,B1,5,件,入库,R1,2026/3/5 14:02,删除\n"
                + "QDBW01,3301960XYZ,SKU-3,B1,5,件,入库,R1,2026/3/5 14:02,modify\n"
                + "QDBW01,3301960XYZ,SKU-4,B1,5,件,入库,R1,2026/3/5 14:02,\n"
                + "QDBW01,3301960XYZ,SKU-5,B1,5,件,入库,R1,2026/3/5 14:02,作废\n";
        List<FileRecord> records = read(csv, profile);
        assertThat(records.subList(0, 4)).extracting(FileRecord::action).containsExactly(DocumentAction.NEW,
                DocumentAction.CANCEL, DocumentAction.MODIFY, DocumentAction.NEW);
        assertThat(records.get(4).errors()).extracting(FieldError::code).containsExactly("ACTION");
        assertThat(records.get(4).errors().get(0).message()).contains("操作类型: '作废' is not an action").contains("删除");

        // written back the same way: a recipient's CSV says 删除 for a cancellation
        StockMovement cancelled = (StockMovement) records.get(1).payload();
        CsvRows rows = new CsvRows(profile, TestSettings.ZONE);
        assertThat(rows.headers()).endsWith("操作类型");
        assertThat(rows.rows(cancelled, DocumentAction.CANCEL).get(0)).endsWith("删除");
        assertThat(rows.rows(cancelled).get(0)).endsWith("新增");
    }

    @Test
    void aProfileMayTranslateActionsOnlyToNewModifyOrCancel(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("acts.yaml"), "type: stock-movement\ncolumns: {op: action}\n"
                + "values:\n  action: {D: delete}\n");
        assertThatThrownBy(() -> CsvProfiles.load(dir)).hasMessageContaining("values.action translates to 'delete'");
        Files.writeString(dir.resolve("acts.yaml"), "type: stock-movement\nconstants: {action: cancel}\n");
        assertThatThrownBy(() -> CsvProfiles.load(dir)).hasMessageContaining("'action' is not a field of stock-movement");
    }

    @Test
    void cellsBeyondTheHeaderMustBeEmpty() throws Exception {
        String csv = "warehouseCode,ebcCode,sku,batchNo,qty,unit,kind,occurredAt\n"
                + "QDBW01,3301960XYZ,SKU-1,B1,5,011,RECEIPT,2026-03-05T14:02:00+08:00,,\n"
                + "QDBW01,3301960XYZ,SKU-2,B1,5,011,RECEIPT,2026-03-05T14:02:00+08:00,oops\n";
        List<FileRecord> records = read(csv, CsvProfiles.defaultFor(MessageType.STOCK_MOVEMENT));
        assertThat(records.get(0).errors()).isEmpty();
        assertThat(records.get(1).errors()).extracting(FieldError::code).containsExactly("RAGGED_ROW");
    }

    @Test
    void aFieldGivenByTwoColumnsMakesTheFileUnreadable() {
        assertThatThrownBy(() -> read("warehouseCode,ebcCode,sku,qty,batchNo,qty\n", CsvProfiles.defaultFor(MessageType.STOCK_MOVEMENT)))
                .isInstanceOf(UnreadableFileException.class).hasMessageContaining("columns 4 (qty) and 6 (qty) both hold qty");
    }

    @Test
    void aRecordBeyondTheParsersLimitsBreaksTheFileOffWithTheReason() {
        String wide = "warehouseCode" + ",x".repeat(100_000) + "\n";
        assertThatThrownBy(() -> read(wide, CsvProfiles.defaultFor(MessageType.STOCK_MOVEMENT)))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("the CSV structure is broken");
    }

    @Test
    void aHeaderWithNoKnownColumnMakesTheFileUnreadable() {
        assertThatThrownBy(() -> read("a,b,c\n1,2,3\n", CsvProfiles.defaultFor(MessageType.STOCK_MOVEMENT)))
                .isInstanceOf(UnreadableFileException.class).hasMessageContaining("header");
    }

    @Test
    void profilesThatNameUnknownFieldsAreRefusedAtLoading(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("broken.yaml"), "type: stock-movement\ncolumns: {数量: quantity}\n");
        assertThatThrownBy(() -> CsvProfiles.load(dir)).hasMessageContaining("'quantity' is not a field of stock-movement");
        Files.writeString(dir.resolve("broken.yaml"), "type: stock-movement\ndelimiter: ';;'\n");
        assertThatThrownBy(() -> CsvProfiles.load(dir)).hasMessageContaining("delimiter must be one character");
        Files.writeString(dir.resolve("broken.yaml"), "type: invoice\n");
        assertThatThrownBy(() -> CsvProfiles.load(dir)).hasMessageContaining("type must be a message type");
    }

    @Test
    void theCommittedSamplesAreWhatTheGeneratorMakes(@TempDir Path dir) throws Exception {
        Path profiles = Files.createDirectories(dir.resolve("profiles"));
        for (String name : List.of("warehouse-gbk.yaml", "carrier-tracking.yaml")) {
            Files.copy(Path.of("config/profiles").resolve(name), profiles.resolve(name));
        }
        ProfileSamples.writeSamples(profiles);
        for (String sample : List.of("warehouse-gbk.csv", "carrier-tracking.csv")) {
            assertThat(Files.readAllBytes(profiles.resolve("samples").resolve(sample)))
                    .as("config/profiles/samples/%s (regenerate with ProfileSamples.main)", sample)
                    .isEqualTo(Files.readAllBytes(Path.of("config/profiles/samples").resolve(sample)));
        }
    }

    private static List<FileRecord> read(String csv, CsvProfile profile) throws UnreadableFileException {
        List<FileRecord> records = new ArrayList<>();
        try (CsvRecordReader reader = new CsvRecordReader(new StringReader(csv), profile, TestSettings.ZONE)) {
            reader.forEachRemaining(records::add);
        }
        return records;
    }
}
