package org.parkhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parkhub.customs.CebOrders;
import org.parkhub.customs.CebTransfer;
import org.parkhub.customs.CebXml;
import org.parkhub.fixtures.ParkFixtures;
import org.parkhub.fixtures.RecordEdit;
import org.parkhub.model.Order;
import org.parkhub.support.Demo;
import org.parkhub.support.RunningHub;

/** Customs XML at POST /api/v1/ceb: CEB311 orders from the platform, CEB312 receipts from customs. */
class CebIngressTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final CebTransfer PLATFORM = new CebTransfer("3301960ABC", "Demo Platform", "DXPENT0000000001");

    @TempDir
    static Path dataDir;
    static RunningHub hub;

    @BeforeAll
    static void start() {
        hub = RunningHub.start(dataDir);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        hub.close();
    }

    @Test
    void ceb311OrdersAreJournaledAndTheirReceiptsRoutedBack() throws Exception {
        ParkFixtures fixtures = new ParkFixtures(501);
        List<Order> orders = List.of(fixtures.transaction().order(), fixtures.transaction().order());
        HttpResponse<String> posted = hub.post("/api/v1/ceb", Demo.PLATFORM_KEY, "application/xml",
                CebXml.write(CebOrders.toCeb311(orders, PLATFORM, OffsetDateTime.now(), ZONE)));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
        JsonNode result = JSON.readTree(posted.body());
        assertThat(result.path("accepted").asInt()).isEqualTo(2);
        String orderId = result.at("/items/0/messageId").asText();
        JsonNode order = JSON.readTree(await().until(() -> hub.get("/api/v1/messages/" + orderId, Demo.MERCHANT_KEY).body(),
                b -> b.contains("ROUTED")));
        assertThat(order.path("channel").asText()).isEqualTo("ceb-xml");
        assertThat(order.at("/payload/orderNo").asText()).isEqualTo(orders.get(0).orderNo());

        // customs answers with CEB312: the platform, the merchant and the broker get the receipt
        String receipt = CebXml.write(CebOrders.toCeb312(List.of(fixtures.orderReceipt(orders.get(0), 120)), ZONE));
        HttpResponse<String> answered = hub.post("/api/v1/ceb", "demo-key-customs", "application/xml", receipt);
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(202);
        String receiptId = JSON.readTree(answered.body()).at("/items/0/messageId").asText();
        JsonNode routed = JSON.readTree(await().until(() -> hub.get("/api/v1/messages/" + receiptId, Demo.PLATFORM_KEY).body(),
                b -> b.contains("ROUTED")));
        assertThat(routed.path("deliveries").findValuesAsText("recipient"))
                .containsExactlyInAnyOrder("PLAT-01", "MERCH-01", "BROKER-01");
    }

    @Test
    void aCeb311WithBadAmountsIs422NamingTheField() throws Exception {
        Order broken = RecordEdit.with(new ParkFixtures(502).transaction().order(), "actualPaid", "1.00");
        HttpResponse<String> response = hub.post("/api/v1/ceb", Demo.PLATFORM_KEY, "application/xml",
                CebXml.write(CebOrders.toCeb311(List.of(broken), PLATFORM, OffsetDateTime.now(), ZONE)));
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(response.body()).at("/items/0/errors/0/code").asText()).isEqualTo("PAID_MISMATCH");
    }

    @Test
    void onlyCustomsSendsReceipts() throws Exception {
        ParkFixtures fixtures = new ParkFixtures(503);
        String receipt = CebXml.write(CebOrders.toCeb312(List.of(fixtures.orderReceipt(fixtures.transaction().order(), 800)), ZONE));
        assertThat(hub.post("/api/v1/ceb", Demo.MERCHANT_KEY, "application/xml", receipt).statusCode()).isEqualTo(403);
    }

    @Test
    void whatIsNotAReadableCustomsMessageIs400Or415() throws Exception {
        assertThat(hub.post("/api/v1/ceb", Demo.PLATFORM_KEY, "application/json", "{}").statusCode()).isEqualTo(415);
        HttpResponse<String> unsupported = hub.post("/api/v1/ceb", Demo.PLATFORM_KEY, "application/xml",
                "<ceb:CEB621Message xmlns:ceb=\"http://www.chinaport.gov.cn/ceb\" guid=\"x\" version=\"1.0\"/>");
        assertThat(unsupported.statusCode()).isEqualTo(400);
        assertThat(unsupported.body()).contains("CEB621Message is not a customs message this hub reads yet");
        assertThat(hub.post("/api/v1/ceb", Demo.PLATFORM_KEY, "application/xml", "<not-closed").statusCode()).isEqualTo(400);
        assertThat(hub.post("/api/v1/ceb", Demo.PLATFORM_KEY, "application/xml",
                "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>").body())
                .contains("DOCTYPE");
    }
}
