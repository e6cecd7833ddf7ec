package org.parkhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.parkhub.customs.CebDocuments;
import org.parkhub.fixtures.ParkFixtures;
import org.parkhub.fixtures.ProfileSamples;
import org.parkhub.fixtures.RecordEdit;
import org.parkhub.fixtures.Transaction;
import org.parkhub.model.CanonicalMapper;
import org.parkhub.model.Payment;
import org.parkhub.model.ProductFiling;
import org.parkhub.model.StockMovement;
import org.parkhub.support.Demo;
import org.parkhub.support.FtpFirm;
import org.parkhub.support.RunningHub;
import org.parkhub.support.XsdCheck;

/**
 * Copies collected by FTP: the merchant takes stock movements as CSV through the warehouse's GBK profile
 * (Chinese headers), the broker takes orders as JSON; files appear whole in outbox/, batched by size and by age.
 */
class FtpOutboxTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Charset GBK = Charset.forName("GBK");

    @TempDir
    static Path configDir;
    @RegisterExtension
    static final RunningHub hub = RunningHub.perClass(FtpOutboxTest::ftpPark);

    /** The merchant, the platform and the broker take their copies as FTP outbox files. */
    static Map<String, String> ftpPark() throws Exception {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        JsonNode park = yaml.readTree(Path.of("config/participants.yaml").toFile());
        for (JsonNode participant : park.path("participants")) {
            ObjectNode entry = (ObjectNode) participant;
            if (entry.path("id").asText().equals("MERCH-01")) {
                entry.set("delivery", yaml.valueToTree(Map.of("channel", "ftp", "format", "csv", "batchSize", 3,
                        "batchSeconds", 2)));
                entry.set("profiles", yaml.valueToTree(Map.of("stock", "warehouse-gbk")));
            } else if (entry.path("id").asText().equals("PLAT-01")) {
                entry.set("delivery", yaml.valueToTree(Map.of("channel", "ftp", "format", "ceb-xml")));
            } else if (entry.path("id").asText().equals("PAY-01")) {
                ((ObjectNode) entry.path("codes")).put("dxpId", "DXPENT0000000002");
            } else if (entry.path("id").asText().equals("BROKER-01")) {
                entry.set("delivery", yaml.valueToTree(Map.of("channel", "ftp", "format", "json", "batchSize", 100,
                        "batchSeconds", 1)));
            }
        }
        Path participants = configDir.resolve("participants.yaml");
        yaml.writeValue(participants.toFile(), park);
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("parkhub.participants-file", participants.toString());
        settings.put("parkhub.delivery.outbox-poll-ms", "200");
        return settings;
    }

    @Test
    void stockMovementsReachTheMerchantAsGbkCsvThroughItsProfileInWholeFiles() throws Exception {
        ParkFixtures fixtures = new ParkFixtures(911);
        ProductFiling product = fixtures.product();
        List<String> posted = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            StockMovement movement = fixtures.stockReceipt(product, 10 + i);
            if (i == 1) {
                movement = RecordEdit.with(movement, "reference", "=HYPERLINK(\"http://evil.example\",\"open\")");
            }
            posted.add(post("stock-movement", Demo.WAREHOUSE_KEY, movement));
        }
        try (FtpFirm merchant = new FtpFirm(hub.ftpPort(), "MERCH-01", "demo-ftp-merch-01")) {
            // three copies fill a file at once; the fourth is written when its file is two seconds old
            // (the merchant also collects orders here, in files of their own)
            List<String> files = await().atMost(Duration.ofSeconds(20)).until(() -> names(merchant).stream()
                    .filter(n -> n.startsWith("stock-movement-")).toList(), n -> n.size() == 2);
            assertThat(names(merchant)).allSatisfy(name -> assertThat(name).matches("[a-z-]+-[0-9-]+\\.csv"));
            List<List<String>> rows = new ArrayList<>();
            List<String> header = null;
            for (String name : files) {
                List<List<String>> file = csv(merchant.download("/outbox/" + name), GBK);
                header = file.get(0);
                rows.addAll(file.subList(1, file.size()));
            }
            assertThat(header).startsWith("messageId", "仓库编码", "货主海关编码", "商品货号");
            assertThat(rows).extracting(r -> r.get(0)).containsExactlyInAnyOrderElementsOf(posted);
            int kind = header.indexOf("业务类型");
            int reference = header.indexOf("单据号");
            assertThat(rows).allSatisfy(r -> assertThat(r.get(kind)).isEqualTo("入库"));
            List<String> formula = rows.stream().filter(r -> r.get(0).equals(posted.get(1))).findFirst().orElseThrow();
            assertThat(formula.get(reference)).isEqualTo("'=HYPERLINK(\"http://evil.example\",\"open\")");
        }
        JsonNode view = JSON.readTree(await().atMost(Duration.ofSeconds(10)).until(
                () -> hub.get("/api/v1/messages/" + posted.get(3), Demo.ADMIN_KEY).body(), b -> b.contains("DELIVERED")));
        for (JsonNode delivery : view.path("deliveries")) {
            if (delivery.path("recipient").asText().equals("MERCH-01")) {
                assertThat(delivery.path("status").asText()).isEqualTo("DELIVERED");
            }
        }
    }

    @Test
    void aBatchOpenWhenTheHubStopsIsWrittenAfterTheRestart() throws Exception {
        ParkFixtures fixtures = new ParkFixtures(913);
        String open = post("stock-movement", Demo.WAREHOUSE_KEY, fixtures.stockReceipt(fixtures.product(), 5));
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(hub.dataDir().resolve("outbox-work/MERCH-01"))
                && Files.list(hub.dataDir().resolve("outbox-work/MERCH-01")).anyMatch(p -> p.toString().endsWith(".part")));
        hub.stop();
        hub.start();
        try (FtpFirm merchant = new FtpFirm(hub.ftpPort(), "MERCH-01", "demo-ftp-merch-01")) {
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                for (String name : names(merchant)) {
                    if (name.startsWith("stock-movement-") && csv(merchant.download("/outbox/" + name), GBK).stream()
                            .anyMatch(row -> row.get(0).equals(open))) {
                        return true;
                    }
                }
                return false;
            });
        }
    }

    @Test
    void aPlatformThatSpeaksCustomsXmlGetsEachPaymentAsACeb411File() throws Exception {
        Transaction t = new ParkFixtures(914).transaction();
        String payment = post("payment", "phk_demopay01_demo-key-pay-01", t.payment());
        try (FtpFirm platform = new FtpFirm(hub.ftpPort(), "PLAT-01", "demo-ftp-plat-01")) {
            String name = await().atMost(Duration.ofSeconds(20)).until(() -> names(platform).stream()
                    .filter(n -> n.startsWith("payment-")).findFirst().orElse(null), n -> n != null);
            String document = new String(platform.download("/outbox/" + name), StandardCharsets.UTF_8);
            XsdCheck.validate(Path.of("schemas/ceb/ceb-subset.xsd"), document);
            CebDocuments.Content content = CebDocuments.read(document, ProfileSamples.PARK_ZONE);
            assertThat(content.messageCode()).isEqualTo("CEB411");
            assertThat(content.payloads()).hasSize(1);
            assertThat(((Payment) content.payloads().get(0)).payTransactionId()).isEqualTo(t.payment().payTransactionId());
            // BaseTransfer names the payment firm that sent it
            assertThat(document).contains("<copCode>3101960PAY</copCode>").contains("<dxpId>DXPENT0000000002</dxpId>");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            for (JsonNode delivery : JSON.readTree(hub.get("/api/v1/messages/" + payment, Demo.ADMIN_KEY).body()).path("deliveries")) {
                if (delivery.path("recipient").asText().equals("PLAT-01")) {
                    return delivery.path("status").asText().equals("DELIVERED");
                }
            }
            return false;
        });
    }

    @Test
    void ordersReachTheBrokerAsAJsonArrayOfEnvelopes() throws Exception {
        ParkFixtures fixtures = new ParkFixtures(912);
        List<String> posted = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            posted.add(post("order", Demo.PLATFORM_KEY, fixtures.transaction().order()));
        }
        try (FtpFirm broker = new FtpFirm(hub.ftpPort(), "BROKER-01", "demo-ftp-broker-01")) {
            List<String> ids = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                ids.clear();
                for (String name : names(broker)) {
                    assertThat(name).endsWith(".json");
                    for (JsonNode envelope : JSON.readTree(broker.download("/outbox/" + name))) {
                        ids.add(envelope.path("messageId").asText());
                    }
                }
                return ids.containsAll(posted);
            });
        }
    }

    private static List<String> names(FtpFirm firm) throws IOException {
        String[] names = firm.client().listNames("/outbox");
        return names == null ? List.of() : Arrays.stream(names).map(n -> n.substring(n.lastIndexOf('/') + 1)).sorted().toList();
    }

    private static List<List<String>> csv(byte[] bytes, Charset charset) throws IOException {
        try (CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(new String(bytes, charset))) {
            return csv.stream().map(CsvRecord::getFields).toList();
        }
    }

    private static String post(String type, String key, Record payload) throws Exception {
        HttpResponse<String> response = hub.post("/api/v1/messages/" + type, key, "application/json",
                CanonicalMapper.toJson(payload));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return JSON.readTree(response.body()).at("/items/0/messageId").asText();
    }
}
