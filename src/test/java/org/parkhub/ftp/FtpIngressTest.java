package org.parkhub.ftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.net.ftp.FTPClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.parkhub.customs.CebDocuments;
import org.parkhub.customs.CebFormatErrors;
import org.parkhub.customs.CebInventories;
import org.parkhub.customs.CebOrders;
import org.parkhub.customs.CebTransfer;
import org.parkhub.customs.CebXml;
import org.parkhub.fixtures.CsvFixtureWriter;
import org.parkhub.fixtures.ParkFixtures;
import org.parkhub.fixtures.ProfileSamples;
import org.parkhub.fixtures.RecordEdit;
import org.parkhub.fixtures.Transaction;
import org.parkhub.ingest.csv.CsvProfiles;
import org.parkhub.model.CanonicalMapper;
import org.parkhub.model.CustomsReceipt;
import org.parkhub.model.MessageType;
import org.parkhub.model.ProductFiling;
import org.parkhub.support.CuttingFtpClient;
import org.parkhub.support.Demo;
import org.parkhub.support.FtpFirm;
import org.parkhub.support.RunningHub;
import org.parkhub.support.SampleFiles;
import org.parkhub.support.XsdCheck;

/** Low-IT firms through the real embedded FTP server, with a real FTP client. */
class FtpIngressTest {

    static final Charset GBK = Charset.forName("GBK");
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path scratch;
    @RegisterExtension
    static final RunningHub hub = RunningHub.perClass();

    static FtpFirm warehouse() throws IOException {
        return new FtpFirm(hub.ftpPort(), "WH-QD-01", "demo-ftp-wh-qd-01");
    }

    @Test
    void aGbkStockExportWithChineseHeadersGoesThroughItsProfile() throws Exception {
        byte[] sample = SampleFiles.warehouseStock("FIT2");
        try (FtpFirm firm = warehouse()) {
            assertThat(firm.upload("/inbox/stock/stock.csv", sample)).isTrue();
            List<List<String>> receipt = firm.awaitReceipt("stock.csv", GBK);
            assertThat(receipt.get(0)).containsExactly("line", "status", "messageId", "errors");
            List<List<String>> rows = receipt.subList(1, receipt.size() - 1);
            assertThat(rows).hasSize(20).allSatisfy(row -> {
                assertThat(row.get(1)).isEqualTo("ACCEPTED");
                assertThat(row.get(2)).isNotBlank();
            });
            assertThat(rows.get(0).get(0)).isEqualTo("2");
            assertThat(receipt.get(receipt.size() - 1)).startsWith("summary", "ACCEPTED");
            // accepted rows travel the pipeline: routed to the merchant who owns the goods
            String messageId = rows.get(2).get(2);
            var message = JSON.readTree(org.awaitility.Awaitility.await().until(
                    () -> hub.get("/api/v1/messages/" + messageId, Demo.MERCHANT_KEY).body(), b -> b.contains("ROUTED")));
            assertThat(message.path("channel").asText()).isEqualTo("ftp");
            assertThat(message.at("/payload/kind").asText()).isEqualTo("RECEIPT");
            assertThat(message.at("/payload/qty").asText()).isEqualTo("1192");
            assertThat(message.at("/payload/occurredAt").asText()).endsWith("+08:00");
            assertThat(message.path("deliveries").findValuesAsText("recipient")).containsExactly("MERCH-01");
        }
        assertThat(hub.dataDir().resolve("ftp/WH-QD-01/inbox/stock/stock.csv")).as("left the inbox").doesNotExist();
    }

    @Test
    void aUtf8ExportWithByteOrderMarkGoesThroughItsProfile() throws Exception {
        byte[] sample = Files.readAllBytes(Path.of("config/profiles/samples/carrier-tracking.csv"));
        assertThat(sample[0]).isEqualTo((byte) 0xEF);
        try (FtpFirm carrier = new FtpFirm(hub.ftpPort(), "LOG-01", "demo-ftp-log-01")) {
            carrier.upload("/inbox/shipments/tracking.csv", sample);
            List<List<String>> receipt = carrier.awaitReceipt("tracking.csv", StandardCharsets.UTF_8);
            assertThat(receipt.subList(1, receipt.size() - 1)).hasSize(15)
                    .allSatisfy(row -> assertThat(row.get(1)).as(row.toString()).isEqualTo("ACCEPTED"));
        }
        byte[] receiptBytes = Files.readAllBytes(hub.dataDir().resolve("ftp/LOG-01/receipts/tracking.csv.receipt.csv"));
        assertThat(receiptBytes[0]).as("UTF-8 receipts carry a BOM for Excel").isEqualTo((byte) 0xEF);
    }

    @Test
    void quotedFieldsWithEmbeddedNewlinesKeepTheirRows() throws Exception {
        ParkFixtures fixtures = new ParkFixtures(301);
        ProductFiling multiLine = RecordEdit.with(fixtures.product(), "name", "Face cream\r\nlimited, edition");
        Path file = scratch.resolve("products.csv");
        CsvFixtureWriter.write(file, CsvProfiles.defaultFor(MessageType.PRODUCT), ProfileSamples.PARK_ZONE,
                List.of(multiLine, fixtures.product()).iterator());
        try (FtpFirm merchant = new FtpFirm(hub.ftpPort(), Demo.MERCHANT, "demo-ftp-merch-01")) {
            merchant.upload("/inbox/products/products.csv", Files.readAllBytes(file));
            List<List<String>> receipt = merchant.awaitReceipt("products.csv", StandardCharsets.UTF_8);
            assertThat(receipt.subList(1, 3)).extracting(r -> r.get(0) + ":" + r.get(1))
                    .containsExactly("2:ACCEPTED", "4:ACCEPTED");
            String id = receipt.get(1).get(2);
            assertThat(JSON.readTree(hub.get("/api/v1/messages/" + id, Demo.MERCHANT_KEY).body()).at("/payload/name").asText())
                    .isEqualTo("Face cream\r\nlimited, edition");
        }
    }

    @Test
    void raggedRowsAreRejectedAndTheRestGoOn() throws Exception {
        String csv = "仓库编码,货主海关编码,商品货号,批次号,数量,计量单位,业务类型,账册编号,账册备案序号,单据号,发生时间\r\n"
                + "QDBW01,3301960XYZ,SKU-7,B7,5,件,入库,,,R7,2026/3/5 14:02\r\n"
                + "QDBW01,3301960XYZ,SKU-8\r\n"
                + "ＱＤＢＷ０１,3301960XYZ, SKU-9 ,B9,\"2,500\",件,出库,,,R9,2026/3/5 14:04,,,\r\n";
        try (FtpFirm firm = warehouse()) {
            firm.upload("/inbox/stock/ragged.csv", csv.getBytes(GBK));
            List<List<String>> receipt = firm.awaitReceipt("ragged.csv", GBK);
            assertThat(receipt.get(1)).startsWith("2", "ACCEPTED");
            assertThat(receipt.get(2)).startsWith("3", "REJECTED");
            assertThat(receipt.get(2).get(3)).contains("RAGGED_ROW");
            assertThat(receipt.get(3)).as("full-width, padded, trailing empty columns").startsWith("4", "ACCEPTED");
            assertThat(receipt.get(4)).startsWith("summary", "PARTIAL");
        }
    }

    @Test
    void rowErrorsNameTheColumnAsTheClerkKnowsIt() throws Exception {
        String csv = "仓库编码,货主海关编码,商品货号,批次号,数量,计量单位,业务类型,账册编号,账册备案序号,单据号,发生时间\r\n"
                + "QDBW01,3301960XYZ,SKU-10,B10,-5,件,入库,,,R10,2026/3/5 14:02\r\n"
                + "QDBW01,3301960XYZ,SKU-11,B11,5,件,入库,,,R11,2026/2/30 14:02\r\n"
                + "QDBW01,3301960OTH,SKU-12,B12,5,件,入库,,,R12,2026/3/5 14:02\r\n";
        try (FtpFirm firm = warehouse()) {
            firm.upload("/inbox/stock/errors.csv", csv.getBytes(GBK));
            List<List<String>> receipt = firm.awaitReceipt("errors.csv", GBK);
            assertThat(receipt.get(1).get(3)).contains("数量", "QTY_SIGN");
            assertThat(receipt.get(2).get(3)).contains("发生时间", "2026/2/30");
            assertThat(receipt.get(4)).startsWith("summary", "PARTIAL");
            assertThat(receipt.get(3)).startsWith("4", "ACCEPTED"); // another owner's goods are still stored here
        }
    }

    @Test
    void anEmptyFileGetsAReceiptSayingSo() throws Exception {
        try (FtpFirm firm = warehouse()) {
            firm.upload("/inbox/stock/empty.csv", new byte[0]);
            List<List<String>> receipt = firm.awaitReceipt("empty.csv", StandardCharsets.UTF_8);
            assertThat(receipt).hasSize(2);
            assertThat(receipt.get(1)).startsWith("summary", "REJECTED");
            assertThat(receipt.get(1).get(3)).contains("empty");
        }
    }

    @Test
    void binaryGarbageGetsAReceiptSayingSo() throws Exception {
        byte[] garbage = new byte[4096];
        new Random(7).nextBytes(garbage);
        garbage[10] = 0;
        try (FtpFirm firm = warehouse()) {
            firm.upload("/inbox/stock/garbage.csv", garbage);
            List<List<String>> receipt = firm.awaitReceipt("garbage.csv", StandardCharsets.UTF_8);
            assertThat(receipt.get(1)).startsWith("summary", "REJECTED");
            assertThat(receipt.get(1).get(3)).contains("not text");
        }
    }

    @Test
    void aFileWithoutAHeaderTheProfileKnowsIsRefusedWhole() throws Exception {
        try (FtpFirm firm = warehouse()) {
            firm.upload("/inbox/stock/noheader.csv", "1,2,3\r\n4,5,6\r\n".getBytes(GBK));
            List<List<String>> receipt = firm.awaitReceipt("noheader.csv", GBK);
            assertThat(receipt).hasSize(2);
            assertThat(receipt.get(1)).startsWith("summary", "REJECTED");
            assertThat(receipt.get(1).get(3)).contains("header");
        }
    }

    @Test
    void anUploadCutOffMidwayIsIncompleteAndNothingOfItIsProcessed() throws Exception {
        byte[] sample = SampleFiles.warehouseStock("FIT3");
        try (CuttingFtpClient firm = new CuttingFtpClient()) {
            firm.connect("127.0.0.1", hub.ftpPort());
            firm.login("WH-QD-01", "demo-ftp-wh-qd-01");
            firm.enterLocalPassiveMode();
            firm.setFileType(FTPClient.BINARY_FILE_TYPE);
            firm.cutUpload("/inbox/stock/cut.csv", Arrays.copyOf(sample, sample.length / 2));
        }
        try (FtpFirm firm = warehouse()) {
            List<List<String>> receipt = firm.awaitReceipt("cut.csv", StandardCharsets.UTF_8);
            assertThat(receipt).hasSize(2);
            assertThat(receipt.get(1)).startsWith("summary", "INCOMPLETE");
        }
    }

    @Test
    void theSameFileTwiceIsNotTakenAgainAndGetsItsFirstReceiptAgain() throws Exception {
        byte[] sample = SampleFiles.warehouseStock("FIT4");
        try (FtpFirm firm = warehouse()) {
            firm.upload("/inbox/stock/twice.csv", sample);
            List<List<String>> first = firm.awaitReceipt("twice.csv", GBK);
            assertThat(first.get(first.size() - 1)).startsWith("summary", "ACCEPTED");
            firm.delete("/receipts/twice.csv.receipt.csv");
            firm.upload("/inbox/stock/twice.csv", sample);
            List<List<String>> second = firm.awaitReceipt("twice.csv", GBK);
            assertThat(second).as("the same rows with the same message ids").isEqualTo(first);
        }
        await().untilAsserted(() -> assertThat(hub.get("/api/v1/admin/files?participant=WH-QD-01", Demo.ADMIN_KEY).body())
                .contains("\"status\":\"DUPLICATE\"").contains("its first receipt was given again"));
    }

    @Test
    void canonicalJsonAndXmlFilesAreAcceptedTheSameWay() throws Exception {
        ParkFixtures fixtures = new ParkFixtures(302);
        List<Object> orders = List.of(fixtures.transaction().order(), fixtures.transaction().order());
        try (FtpFirm platform = new FtpFirm(hub.ftpPort(), "PLAT-01", "demo-ftp-plat-01")) {
            platform.upload("/inbox/orders/orders.json", CanonicalMapper.toJson(orders).getBytes(StandardCharsets.UTF_8));
            List<List<String>> json = platform.awaitReceipt("orders.json", StandardCharsets.UTF_8);
            assertThat(json.subList(1, 3)).allSatisfy(row -> assertThat(row.get(1)).isEqualTo("ACCEPTED"));
            platform.upload("/inbox/orders/order.xml", CanonicalMapper.xml()
                    .writeValueAsBytes(fixtures.transaction().order()));
            List<List<String>> xml = platform.awaitReceipt("order.xml", StandardCharsets.UTF_8);
            assertThat(xml.get(1)).startsWith("1", "ACCEPTED");
        }
    }

    @Test
    void customsXmlInTheCebFolderIsReadByItsRootElement() throws Exception {
        ParkFixtures fixtures = new ParkFixtures(304);
        Transaction first = fixtures.transaction();
        String ceb311 = CebXml.write(CebOrders.toCeb311(List.of(first.order(), fixtures.transaction().order()),
                new CebTransfer("3301960ABC", "Demo Platform", "DXPENT0000000001"), OffsetDateTime.now(), ProfileSamples.PARK_ZONE));
        try (FtpFirm platform = new FtpFirm(hub.ftpPort(), "PLAT-01", "demo-ftp-plat-01")) {
            // in the encoding its XML declaration names, as a file has no Content-Type (RFC 7303)
            platform.upload("/inbox/ceb/ceb311-orders.xml", ceb311.replace("encoding=\"UTF-8\"", "encoding=\"GB18030\"")
                    .getBytes(Charset.forName("GB18030")));
            List<List<String>> receipt = platform.awaitReceipt("ceb311-orders.xml", StandardCharsets.UTF_8);
            assertThat(receipt.subList(1, 3)).extracting(r -> r.get(0) + ":" + r.get(1)).containsExactly("1:ACCEPTED", "2:ACCEPTED");
        }
        String ceb621 = CebXml.write(CebInventories.toCeb621(List.of(fixtures.declaration(first)),
                new CebTransfer("3702980AGT", "Demo Broker", "DXPENT0000000003"), OffsetDateTime.now(), ProfileSamples.PARK_ZONE));
        try (FtpFirm broker = new FtpFirm(hub.ftpPort(), "BROKER-01", "demo-ftp-broker-01")) {
            broker.upload("/inbox/ceb/ceb621.xml", ceb621.getBytes(StandardCharsets.UTF_8));
            assertThat(broker.awaitReceipt("ceb621.xml", StandardCharsets.UTF_8).get(1)).startsWith("1", "ACCEPTED");
        }
    }

    @Test
    void customsXmlTheHubCannotReadIsAnsweredWithACeb900() throws Exception {
        try (FtpFirm platform = new FtpFirm(hub.ftpPort(), "PLAT-01", "demo-ftp-plat-01")) {
            platform.upload("/inbox/ceb/broken.xml", "<ceb:CEB311Message xmlns:ceb=\"http://www.chinaport.gov.cn/ceb\"><ceb:Order>"
                    .getBytes(StandardCharsets.UTF_8));
            String answer = new String(platform.awaitFile("/receipts/broken.xml.receipt.xml", 60), StandardCharsets.UTF_8);
            XsdCheck.validate(Path.of("schemas/ceb/ceb-subset.xsd"), answer);
            CustomsReceipt receipt = (CustomsReceipt) CebDocuments.read(answer, ProfileSamples.PARK_ZONE).payloads().get(0);
            assertThat(receipt.messageCode()).isEqualTo("CEB900");
            assertThat(receipt.returnStatus()).isEqualTo(CebFormatErrors.FORMAT_ERROR);
            assertThat(receipt.originalMessageType()).isEqualTo("CEB311Message");
            assertThat(receipt.originalMessageId()).isEqualTo("broken.xml");
            assertThat(receipt.returnInfo()).contains("cannot be read").contains("nothing was accepted");

            platform.upload("/inbox/ceb/gbk.xml", "<CEB999Message>\u5E93</CEB999Message>".getBytes(Charset.forName("GBK")));
            String notUtf8 = new String(platform.awaitFile("/receipts/gbk.xml.receipt.xml", 60), StandardCharsets.UTF_8);
            assertThat(notUtf8).contains("<oriMessageType>Unknown<").contains("is not valid UTF-8 text")
                    .contains("it names no encoding");
        }
    }

    @Test
    void fiveFirmsUploadAtOnce() throws Exception {
        ParkFixtures fixtures = new ParkFixtures(303);
        List<Transaction> transactions = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            transactions.add(fixtures.transaction());
        }
        List<Callable<List<List<String>>>> uploads = List.of(
                upload("PLAT-01", "demo-ftp-plat-01", "orders", MessageType.ORDER, transactions.stream().map(Transaction::order).iterator()),
                upload("PAY-01", "demo-ftp-pay-01", "payments", MessageType.PAYMENT, transactions.stream().map(Transaction::payment).iterator()),
                upload("LOG-01", "demo-ftp-log-01", "waybills", MessageType.WAYBILL, transactions.stream().map(Transaction::waybill).iterator()),
                upload("MERCH-01", "demo-ftp-merch-01", "products", MessageType.PRODUCT, List.of(fixtures.product(), fixtures.product()).iterator()),
                () -> {
                    try (FtpFirm firm = warehouse()) {
                        firm.upload("/inbox/stock/at-once.csv", SampleFiles.warehouseStock("FIT5"));
                        return firm.awaitReceipt("at-once.csv", GBK);
                    }
                });
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            for (Future<List<List<String>>> result : pool.invokeAll(uploads)) {
                List<List<String>> receipt = result.get();
                assertThat(receipt.get(receipt.size() - 1)).as(receipt.toString()).startsWith("summary", "ACCEPTED");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Callable<List<List<String>>> upload(String firm, String password, String folder, MessageType type,
                                                       Iterator<? extends Record> records) throws IOException {
        Path file = scratch.resolve(firm + "-" + folder + ".csv");
        CsvFixtureWriter.write(file, CsvProfiles.defaultFor(type), ProfileSamples.PARK_ZONE, records);
        return () -> {
            try (FtpFirm client = new FtpFirm(hub.ftpPort(), firm, password)) {
                client.upload("/inbox/" + folder + "/at-once.csv", Files.readAllBytes(file));
                return client.awaitReceipt("at-once.csv", StandardCharsets.UTF_8);
            }
        };
    }
}
