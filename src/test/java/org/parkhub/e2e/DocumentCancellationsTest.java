package org.parkhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parkhub.customs.CebInventories;
import org.parkhub.customs.CebTransfer;
import org.parkhub.customs.CebWaybills;
import org.parkhub.customs.CebXml;
import org.parkhub.fixtures.ParkFixtures;
import org.parkhub.fixtures.RecordEdit;
import org.parkhub.fixtures.Transaction;
import org.parkhub.model.DocumentAction;
import org.parkhub.model.InventoryDeclaration;
import org.parkhub.model.Waybill;
import org.parkhub.support.Demo;
import org.parkhub.support.FtpFirm;
import org.parkhub.support.ParticipantQueue;
import org.parkhub.support.RunningHub;
import org.parkhub.support.SampleFiles;
import org.parkhub.support.TestSettings;

/**
 * Cancellations and customs' appType (issue 24), on a running hub: {@code DELETE /api/v1/documents/{type}/{id}}, a
 * CEB document with appType 3, a warehouse export's 删除 rows; each reaches whoever had the document, and later
 * arrivals of a cancelled document are refused.
 */
class DocumentCancellationsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Charset GBK = Charset.forName("GBK");
    private static final CebTransfer LOGISTICS = new CebTransfer("3702960LOG", "Demo Logistics", "");

    @RegisterExtension
    static final RunningHub hub = RunningHub.perClass(Map.of());

    @Test
    void theSenderCancelsAnOrderEveryRecipientIsToldAndItTakesNoMoreRevisions() throws Exception {
        String order = Demo.exampleOrder().replace("ORD-20261126-0001", "ORD-DOC-CANCEL");
        String path = "/api/v1/documents/order/3301960ABC:ORD-DOC-CANCEL";
        try (ParticipantQueue merchant = ParticipantQueue.own(hub.brokerPort(), Demo.MERCHANT, Demo.MERCHANT_KEY)) {
            String first = JSON.readTree(post(Demo.PLATFORM_KEY, order, 202).body()).at("/items/0/messageId").asText();
            assertThat(merchant.receiveCopyOf(first, 20_000)).isNotNull();
            // only the sender may cancel: a recipient is told so, a stranger learns nothing
            assertThat(hub.delete(path, Demo.MERCHANT_KEY).statusCode()).isEqualTo(403);
            assertThat(hub.delete(path, Demo.LOGISTICS_KEY).statusCode()).isEqualTo(404);
            assertThat(hub.delete(path, null).statusCode()).isEqualTo(401);

            HttpResponse<String> cancelled = hub.delete(path, Demo.PLATFORM_KEY);
            assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(202);
            JsonNode answer = JSON.readTree(cancelled.body());
            assertThat(answer.path("state").asText()).isEqualTo("cancelled");
            assertThat(answer.path("status").asText()).isEqualTo("cancelled");
            String cancellation = answer.path("messageId").asText();

            TextMessage copy = merchant.receiveCopyOf(cancellation, 20_000);
            assertThat(copy).as("the merchant had the order: it is told of the cancellation").isNotNull();
            assertThat(copy.getStringProperty("parkhubAction")).isEqualTo("cancel");
            assertThat(copy.getIntProperty("parkhubRevision")).isEqualTo(2);
            assertThat(copy.getStringProperty("parkhubSupersedes")).isEqualTo(first);
            assertThat(JSON.readTree(copy.getText()).path("action").asText()).isEqualTo("cancel");

            // a retry answers the same cancellation; the order sent again is refused with a stable code
            HttpResponse<String> again = hub.delete(path, Demo.PLATFORM_KEY);
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(again.body()).path("messageId").asText()).isEqualTo(cancellation);
            JsonNode refused = JSON.readTree(post(Demo.PLATFORM_KEY, order, 422).body());
            assertThat(refused.at("/items/0/errors/0/code").asText()).isEqualTo("DOCUMENT_CANCELLED");
        }
        JsonNode history = await().atMost(Duration.ofSeconds(20)).until(
                () -> JSON.readTree(hub.get(path, Demo.PLATFORM_KEY).body()),
                n -> n.at("/revisions/1/deliveries").size() == 4); // merchant, warehouse, broker, customs
        assertThat(history.path("state").asText()).isEqualTo("cancelled");
        assertThat(history.at("/revisions/1/action").asText()).isEqualTo("cancel");
        assertThat(history.at("/revisions/0/action").asText()).isEqualTo("new");
        assertThat(hub.delete("/api/v1/documents/order/3301960ABC:NO-SUCH-ORDER", Demo.PLATFORM_KEY).statusCode())
                .isEqualTo(404);
    }

    @Test
    void aWaybillSentTwiceInCustomsXmlIsStoredOnceAndItsAppTypeThreeCancelsIt() throws Exception {
        ParkFixtures fixtures = new ParkFixtures(611);
        List<Waybill> waybills = List.of(waybill(fixtures, "LN-DOC-1"), waybill(fixtures, "LN-DOC-2"),
                waybill(fixtures, "LN-DOC-3"));
        String xml = CebXml.write(CebWaybills.toCeb511(waybills, LOGISTICS, OffsetDateTime.now(), TestSettings.ZONE));
        JsonNode first = JSON.readTree(postCeb(Demo.LOGISTICS_KEY, xml, 202).body());
        assertThat(first.path("accepted").asInt()).isEqualTo(3);
        JsonNode second = JSON.readTree(postCeb(Demo.LOGISTICS_KEY, xml, 202).body());
        assertThat(second.path("duplicates").asInt()).isEqualTo(3);
        assertThat(second.at("/items/2/messageId").asText()).isEqualTo(first.at("/items/2/messageId").asText());

        String delete = CebXml.write(CebWaybills.toCeb511(waybills.subList(0, 1), LOGISTICS, OffsetDateTime.now(),
                DocumentAction.CANCEL, TestSettings.ZONE));
        JsonNode cancelled = JSON.readTree(postCeb(Demo.LOGISTICS_KEY, delete, 202).body());
        assertThat(cancelled.at("/items/0/status").asText()).isEqualTo("accepted");
        assertThat(cancelled.at("/items/0/action").asText()).isEqualTo("cancel");
        assertThat(cancelled.at("/items/0/supersedes").asText()).isEqualTo(first.at("/items/0/messageId").asText());
        JsonNode history = JSON.readTree(hub.get("/api/v1/documents/waybill/3702960LOG:LN-DOC-1", Demo.LOGISTICS_KEY)
                .body());
        assertThat(history.path("state").asText()).isEqualTo("cancelled");
    }

    @Test
    void aDeclarationDeletedWithAppTypeThreeThatTheHubNeverHadIsRefused() throws Exception {
        ParkFixtures fixtures = new ParkFixtures(612);
        InventoryDeclaration declaration = fixtures.declaration(fixtures.transaction());
        String xml = CebXml.write(CebInventories.toCeb621(List.of(declaration),
                new CebTransfer(declaration.agentCode(), "Demo Broker", ""), OffsetDateTime.now(), DocumentAction.CANCEL,
                TestSettings.ZONE));
        JsonNode refused = JSON.readTree(postCeb(Demo.BROKER_KEY, xml, 422).body());
        assertThat(refused.at("/items/0/errors/0/code").asText()).isEqualTo("UNKNOWN_DOCUMENT");
    }

    @Test
    void aWarehouseExportsDeleteRowsCancelTheirMovements() throws Exception {
        String[] lines = new String(SampleFiles.warehouseStock("GONE"), GBK).split("\n");
        try (FtpFirm firm = new FtpFirm(hub.ftpPort(), "WH-QD-01", "demo-ftp-wh-qd-01")) {
            firm.upload("/inbox/stock/week.csv", String.join("\n", lines).getBytes(GBK));
            assertThat(last(firm.awaitReceipt("week.csv", GBK)).get(3)).contains("accepted: 20,");
            // the next export marks two of them deleted (the clerk's 删除)
            lines[1] = lines[1].replace(",新增", ",删除");
            lines[2] = lines[2].replace(",新增", ",删除");
            firm.upload("/inbox/stock/week-2.csv", String.join("\n", lines).getBytes(GBK));
            List<List<String>> receipt = firm.awaitReceipt("week-2.csv", GBK);
            assertThat(receipt.get(1)).startsWith("2", "ACCEPTED");
            assertThat(receipt.get(2)).startsWith("3", "ACCEPTED");
            assertThat(receipt.subList(3, receipt.size() - 1)).allSatisfy(row -> assertThat(row.get(1)).isEqualTo("DUPLICATE"));
            assertThat(last(receipt).get(3)).contains("accepted: 2, duplicates: 18, rejected: 0");

            // sent again as new, a deleted movement is refused; a word the profile does not know is an error
            lines[1] = lines[1].replace(",删除", ",新增");
            lines[3] = lines[3].replace(",新增", ",作废");
            firm.upload("/inbox/stock/week-3.csv", String.join("\n", lines).getBytes(GBK));
            List<List<String>> third = firm.awaitReceipt("week-3.csv", GBK);
            assertThat(third.get(1)).startsWith("2", "REJECTED");
            assertThat(third.get(1).get(3)).contains("DOCUMENT_CANCELLED");
            assertThat(third.get(3)).startsWith("4", "REJECTED");
            assertThat(third.get(3).get(3)).contains("ACTION").contains("作废");
        }
        // warehouseCode:reference:sku:batchNo:kind, from the export's columns
        String[] cells = lines[2].split(",");
        String movement = String.join(":", cells[0], cells[9], cells[2], cells[3], "RECEIPT");
        JsonNode history = JSON.readTree(hub.get("/api/v1/documents/stock-movement/" + movement, Demo.WAREHOUSE_KEY).body());
        assertThat(history.path("state").asText()).as(history.toString()).isEqualTo("cancelled");
        assertThat(history.at("/revisions/1/channel").asText()).isEqualTo("ftp");
    }

    private static Waybill waybill(ParkFixtures fixtures, String logisticsNo) {
        Transaction t = fixtures.transaction();
        return RecordEdit.with(t.waybill(), "logisticsNo", logisticsNo);
    }

    private static List<String> last(List<List<String>> receipt) {
        return receipt.get(receipt.size() - 1);
    }

    private static HttpResponse<String> post(String key, String body, int expected) throws Exception {
        HttpResponse<String> response = hub.post("/api/v1/messages/order", key, "application/json", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
        return response;
    }

    private static HttpResponse<String> postCeb(String key, String xml, int expected) throws Exception {
        HttpResponse<String> response = hub.post("/api/v1/ceb", key, "application/xml", xml);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
        return response;
    }
}
