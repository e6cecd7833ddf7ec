package org.parkhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.parkhub.fixtures.CsvFixtureWriter;
import org.parkhub.fixtures.ParkFixtures;
import org.parkhub.fixtures.ProfileSamples;
import org.parkhub.ingest.csv.CsvProfiles;
import org.parkhub.model.CanonicalMapper;
import org.parkhub.model.MessageType;
import org.parkhub.model.Order;
import org.parkhub.support.Demo;
import org.parkhub.support.FtpFirm;
import org.parkhub.support.ParticipantQueue;
import org.parkhub.support.RunningHub;
import org.parkhub.support.SampleFiles;

/**
 * Re-sends as firms make them (issue 24), on a running hub: the same order over REST three times, a corrected one,
 * another firm's; a warehouse export uploaded again under another name, a cut file sent again whole; an order sent
 * over REST and then in a platform's FTP file.
 */
class DocumentArrivalsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ORDERS = "/api/v1/messages/order";
    private static final Charset GBK = Charset.forName("GBK");

    @RegisterExtension
    static final RunningHub hub = RunningHub.perClass(Map.of());

    @TempDir
    static Path scratch;

    @Test
    void theSameOrderPostedThreeTimesIsOneMessageRoutedOnce() throws Exception {
        String order = order("ORD-DOC-THRICE");
        JsonNode first = JSON.readTree(post(Demo.PLATFORM_KEY, order, 202).body());
        String messageId = first.at("/items/0/messageId").asText();
        assertThat(first.at("/items/0/revision").asInt()).isEqualTo(1);
        for (int i = 0; i < 2; i++) {
            // written otherwise: other spacing and field order do not make another document
            JsonNode again = JSON.readTree(post(Demo.PLATFORM_KEY, JSON.readTree(order).toPrettyString(), 202).body());
            assertThat(again.at("/items/0/status").asText()).isEqualTo("duplicate");
            assertThat(again.at("/items/0/messageId").asText()).isEqualTo(messageId);
            assertThat(again.path("accepted").asInt()).isZero();
            assertThat(again.path("duplicates").asInt()).isEqualTo(1);
        }
        assertThat(messagesWithKey("ORD-DOC-THRICE")).hasSize(1);
        JsonNode routed = await().atMost(Duration.ofSeconds(20)).until(
                () -> JSON.readTree(hub.get("/api/v1/messages/" + messageId, Demo.PLATFORM_KEY).body()),
                n -> "ROUTED".equals(n.path("status").asText()));
        assertThat(routed.path("deliveries").findValuesAsText("recipient")).doesNotHaveDuplicates()
                .containsExactlyInAnyOrder("MERCH-01", "WH-QD-01", "BROKER-01", "CUSTOMS");
    }

    @Test
    void aCorrectedOrderIsItsNextRevisionSupersedingTheFirst() throws Exception {
        String order = order("ORD-DOC-REVISED");
        String first = JSON.readTree(post(Demo.PLATFORM_KEY, order, 202).body()).at("/items/0/messageId").asText();
        JsonNode corrected;
        try (ParticipantQueue merchantQueue = ParticipantQueue.own(hub.brokerPort(), Demo.MERCHANT, Demo.MERCHANT_KEY)) {
            corrected = JSON.readTree(post(Demo.PLATFORM_KEY,
                    order.replace("\"freight\"", "\"note\": \"new address\", \"freight\""), 202).body());
            // the queue reader's copy says which revision it is and which message it supersedes
            TextMessage copy = merchantQueue.receiveCopyOf(corrected.at("/items/0/messageId").asText(), 20_000);
            assertThat(copy).isNotNull();
            assertThat(copy.getIntProperty("parkhubRevision")).isEqualTo(2);
            assertThat(copy.getStringProperty("parkhubSupersedes")).isEqualTo(first);
        }
        assertThat(corrected.at("/items/0/status").asText()).isEqualTo("accepted");
        assertThat(corrected.at("/items/0/revision").asInt()).isEqualTo(2);
        assertThat(corrected.at("/items/0/supersedes").asText()).isEqualTo(first);
        String second = corrected.at("/items/0/messageId").asText();
        JsonNode journaled = JSON.readTree(hub.get("/api/v1/messages/" + second, Demo.PLATFORM_KEY).body());
        assertThat(journaled.path("revision").asInt()).isEqualTo(2);
        assertThat(journaled.path("supersedes").asText()).isEqualTo(first);
        assertThat(messagesWithKey("ORD-DOC-REVISED")).hasSize(2);
    }

    @Test
    void aDocumentsHistoryShowsEachRevisionWhatChangedAndItsCopies() throws Exception {
        String order = order("ORD-DOC-HISTORY");
        String first = JSON.readTree(post(Demo.PLATFORM_KEY, order, 202).body()).at("/items/0/messageId").asText();
        String second = JSON.readTree(post(Demo.PLATFORM_KEY,
                order.replace("\"freight\"", "\"note\": \"leave at the gate\", \"freight\""), 202).body())
                .at("/items/0/messageId").asText();
        String path = "/api/v1/documents/order/3301960ABC:ORD-DOC-HISTORY";
        JsonNode history = await().atMost(Duration.ofSeconds(20)).until(
                () -> JSON.readTree(hub.get(path, Demo.PLATFORM_KEY).body()),
                n -> n.at("/revisions/1/deliveries").size() == 4); // merchant, warehouse, broker, customs
        assertThat(history.path("state").asText()).isEqualTo("active");
        assertThat(history.path("revision").asInt()).isEqualTo(2);
        assertThat(history.path("messageId").asText()).isEqualTo(second);
        assertThat(history.at("/revisions/0/messageId").asText()).isEqualTo(first);
        assertThat(history.at("/revisions/0/changes")).isEmpty();
        assertThat(history.at("/revisions/1/sender").asText()).isEqualTo("PLAT-01");
        assertThat(history.at("/revisions/1/channel").asText()).isEqualTo("rest");
        assertThat(history.at("/revisions/1/changes")).hasSize(1);
        assertThat(history.at("/revisions/1/changes/0/field").asText()).isEqualTo("note");
        assertThat(history.at("/revisions/1/changes/0/before").isMissingNode()).as("the note was absent").isTrue();
        assertThat(history.at("/revisions/1/changes/0/after").asText()).isEqualTo("leave at the gate");
        // a recipient of the order sees it, an administrator too; a firm that neither sent nor received it does not
        assertThat(hub.get(path, Demo.MERCHANT_KEY).statusCode()).isEqualTo(200);
        assertThat(hub.get(path, Demo.ADMIN_KEY).statusCode()).isEqualTo(200);
        assertThat(hub.get(path, Demo.LOGISTICS_KEY).statusCode()).isEqualTo(404);
        assertThat(hub.get("/api/v1/documents/order/3301960ABC:NO-SUCH-ORDER", Demo.PLATFORM_KEY).statusCode())
                .isEqualTo(404);
        assertThat(hub.get("/api/v1/documents/no-such-type/x", Demo.PLATFORM_KEY).statusCode()).isEqualTo(404);
        assertThat(hub.get(path, null).statusCode()).isEqualTo(401);
    }

    @Test
    void anotherFirmCannotSendAPlatformsOrderAgain() throws Exception {
        String order = order("ORD-DOC-FOREIGN");
        post(Demo.PLATFORM_KEY, order, 202);
        // the merchant named in the order may send orders, but this document is the platform's
        HttpResponse<String> merchant = post(Demo.MERCHANT_KEY, order.replace("\"freight\"", "\"note\": \"x\", \"freight\""),
                422);
        assertThat(JSON.readTree(merchant.body()).at("/items/0/errors/0/code").asText()).isEqualTo("NOT_YOUR_DOCUMENT");
        assertThat(messagesWithKey("ORD-DOC-FOREIGN")).hasSize(1);
    }

    @Test
    void anExportUploadedAgainUnderAnotherNameIsAllDuplicates() throws Exception {
        byte[] export = SampleFiles.warehouseStock("AGAIN");
        try (FtpFirm firm = warehouse()) {
            firm.upload("/inbox/stock/monday.csv", export);
            List<List<String>> first = firm.awaitReceipt("monday.csv", GBK);
            assertThat(first.get(first.size() - 1)).startsWith("summary", "ACCEPTED");
            firm.upload("/inbox/stock/monday-copy.csv", export);
            List<List<String>> second = firm.awaitReceipt("monday-copy.csv", GBK);
            List<List<String>> rows = second.subList(1, second.size() - 1);
            assertThat(rows).hasSize(20).allSatisfy(row -> assertThat(row.get(1)).isEqualTo("DUPLICATE"));
            // each row names the message its document was journaled as the first time
            assertThat(rows).extracting(row -> row.get(2)).isEqualTo(first.subList(1, first.size() - 1).stream()
                    .map(row -> row.get(2)).toList());
            assertThat(second.get(second.size() - 1)).startsWith("summary", "DUPLICATE");
            assertThat(second.get(second.size() - 1).get(3)).contains("accepted: 0, duplicates: 20, rejected: 0");
        }
    }

    @Test
    void aFileCutShortAndThenSentWholeTakesOnlyTheRowsNotTakenBefore() throws Exception {
        String[] lines = new String(SampleFiles.warehouseStock("CUT"), GBK).split("\n");
        byte[] head = (String.join("\n", Arrays.copyOf(lines, 9)) + "\n").getBytes(GBK); // the header and 8 rows
        try (FtpFirm firm = warehouse()) {
            firm.upload("/inbox/stock/part.csv", head);
            assertThat(last(firm.awaitReceipt("part.csv", GBK)).get(3)).contains("accepted: 8,");
            firm.upload("/inbox/stock/whole.csv", SampleFiles.warehouseStock("CUT"));
            List<List<String>> receipt = firm.awaitReceipt("whole.csv", GBK);
            List<List<String>> rows = receipt.subList(1, receipt.size() - 1);
            assertThat(rows.subList(0, 8)).allSatisfy(row -> assertThat(row.get(1)).isEqualTo("DUPLICATE"));
            assertThat(rows.subList(8, 20)).allSatisfy(row -> assertThat(row.get(1)).isEqualTo("ACCEPTED"));
            assertThat(last(receipt)).startsWith("summary", "ACCEPTED");
            assertThat(last(receipt).get(3)).contains("accepted: 12, duplicates: 8, rejected: 0");
        }
    }

    @Test
    void anOrderSentOverRestAndThenInAFileIsTheSameDocument() throws Exception {
        Order order = new ParkFixtures(601).transaction().order();
        String messageId = JSON.readTree(post(Demo.PLATFORM_KEY, CanonicalMapper.toJson(order), 202).body())
                .at("/items/0/messageId").asText();
        Path file = scratch.resolve("orders.csv");
        CsvFixtureWriter.write(file, CsvProfiles.defaultFor(MessageType.ORDER), ProfileSamples.PARK_ZONE,
                List.of(order).iterator());
        try (FtpFirm platform = new FtpFirm(hub.ftpPort(), "PLAT-01", "demo-ftp-plat-01")) {
            platform.upload("/inbox/orders/orders.csv", Files.readAllBytes(file));
            List<List<String>> receipt = platform.awaitReceipt("orders.csv", StandardCharsets.UTF_8);
            assertThat(receipt.get(1)).startsWith("2", "DUPLICATE", messageId);
        }
    }

    private static List<String> last(List<List<String>> receipt) {
        return receipt.get(receipt.size() - 1);
    }

    private static FtpFirm warehouse() throws Exception {
        return new FtpFirm(hub.ftpPort(), "WH-QD-01", "demo-ftp-wh-qd-01");
    }

    private static HttpResponse<String> post(String key, String body, int expected) throws Exception {
        HttpResponse<String> response = hub.post(ORDERS, key, "application/json", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
        return response;
    }

    private static List<JsonNode> messagesWithKey(String orderNo) throws Exception {
        JsonNode found = JSON.readTree(hub.get("/api/v1/admin/messages?key=" + orderNo, Demo.ADMIN_KEY).body());
        return found.path("items").findParents("messageId").stream().filter(n -> n.has("type")).toList();
    }

    private static String order(String orderNo) {
        return Demo.exampleOrder().replace("ORD-20261126-0001", orderNo);
    }
}
