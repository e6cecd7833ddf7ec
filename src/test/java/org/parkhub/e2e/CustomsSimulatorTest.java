package org.parkhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parkhub.customs.CebInventories;
import org.parkhub.customs.CebTransfer;
import org.parkhub.customs.CebXml;
import org.parkhub.fixtures.ParkFixtures;
import org.parkhub.fixtures.RecordEdit;
import org.parkhub.fixtures.Transaction;
import org.parkhub.model.CanonicalMapper;
import org.parkhub.model.InventoryDeclaration;
import org.parkhub.model.ProductFiling;
import org.parkhub.precheck.DeclarationAssembly;
import org.parkhub.simulator.CustomsSimulator;
import org.parkhub.support.Demo;
import org.parkhub.support.ParticipantQueue;
import org.parkhub.support.RunningHub;

/**
 * The embedded default's customs: what the hub transmits goes through the gateway (signed CEB XML in a DXP envelope)
 * to the built-in simulator, which answers through the customs ingress as customs would: a release with its tax bill,
 * an inspection before the release, a three-document rejection with customs' reason, a limit refusal, and a CEB900
 * for a message it cannot read.
 */
class CustomsSimulatorTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final int INSPECTION_PERCENT = 50;

    @RegisterExtension
    static final RunningHub hub = RunningHub.perClass(Map.of("parkhub.customs.simulator.step-seconds", "0",
            "parkhub.customs.simulator.inspection-percent", String.valueOf(INSPECTION_PERCENT)));

    @Test
    void aMatchedTransactionIsReleasedWithItsTaxBill() throws Exception {
        ParkFixtures fixtures = new ParkFixtures(981);
        Transaction t = fixtures.transaction();
        String copNo = copNo("COPSIM0000", false);
        InventoryDeclaration declaration = send(fixtures, t, "ORD-SIM-1", copNo, t.payment().amountPaid());

        JsonNode released = awaitState(copNo, "RELEASED");
        assertThat(released.path("history").findValuesAsText("status")).containsSubsequence("2", "120", "800")
                .doesNotContain("500");
        assertThat(released.path("invtNo").asText()).startsWith(declaration.customsCode());
        JsonNode theCase = caseOf("ORD-SIM-1", declaration.ebpCode());
        assertThat(theCase.path("state").asText()).isEqualTo("RELEASED");
        // the tax bill customs sent with the release is the tax the pre-check computed
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            // CEB816 names the declaration by its invtNo
            found[0] = JSON.readTree(hub.get("/api/v1/admin/messages?type=tax-bill&key=" + released.path("invtNo").asText(),
                    Demo.ADMIN_KEY).body());
            assertThat(found[0].path("items")).hasSize(1);
        });
        JsonNode bills = found[0];
        JsonNode bill = JSON.readTree(hub.get("/api/v1/admin/messages/" + bills.at("/items/0/messageId").asText(),
                Demo.ADMIN_KEY).body()).path("payload");
        assertThat(bill.path("valueAddedTax").decimalValue().add(bill.path("consumptionTax").decimalValue()))
                .isEqualByComparingTo(theCase.at("/tax/computed").decimalValue());
        // customs' receipts for the order, payment and waybill came back to their senders' side too
        JsonNode receipts = JSON.readTree(hub.get("/api/v1/admin/messages?type=customs-receipt&key=ORD-SIM-1",
                Demo.ADMIN_KEY).body());
        assertThat(receipts.path("items").findValuesAsText("sender")).contains("CUSTOMS");
    }

    @Test
    void aMatchedCaseIsAssembledIntoADraftTheBrokerConfirms() throws Exception {
        ParkFixtures fixtures = new ParkFixtures(989);
        Transaction t = fixtures.transaction();
        for (ProductFiling filing : fixtures.catalogue()) {
            post("/api/v1/messages/product", Demo.MERCHANT_KEY, CanonicalMapper.toJson(filing));
        }
        String orderNo = "ORD-SIM-5";
        String copNo = DeclarationAssembly.copNo(t.order().ebpCode(), orderNo);
        try (ParticipantQueue broker = ParticipantQueue.ownOfType(hub.brokerPort(), Demo.BROKER, Demo.BROKER_KEY,
                "inventory-declaration")) {
            sendDocuments(t, orderNo, t.payment().amountPaid());
            // config/customs/declarants.yaml: the demo platform's cases are drafted for BROKER-01
            JsonNode draft = null;
            for (int i = 0; i < 10 && draft == null; i++) {
                jakarta.jms.TextMessage copy = broker.receive(30_000);
                assertThat(copy).as("a draft for the broker").isNotNull();
                JsonNode envelope = JSON.readTree(copy.getText());
                draft = envelope.at("/payload/copNo").asText().equals(copNo) ? envelope : null;
            }
            assertThat(draft.path("sender").asText()).isEqualTo("parkhub");
            assertThat(draft.at("/payload/draft").asBoolean()).isTrue();
            assertThat(draft.at("/payload/lines/0/gcode").asText()).isEqualTo(fixtures.catalogue().stream()
                    .filter(p -> p.sku().equals(t.order().lines().get(0).sku())).findFirst().orElseThrow().hsCode());
        }
        // a draft is nobody's declaration: customs has not seen it, the case still waits
        assertThat(hub.get("/api/v1/declarations/" + copNo, Demo.BROKER_KEY).statusCode()).isEqualTo(404);
        assertThat(caseOf(orderNo, t.order().ebpCode()).path("state").asText()).isEqualTo("MATCHED");
        // only its broker confirms it
        assertThat(hub.post("/api/v1/declarations/" + copNo + "/confirm", Demo.MERCHANT_KEY, "application/json", "")
                .statusCode()).isIn(403, 404);
        HttpResponse<String> confirmed = hub.post("/api/v1/declarations/" + copNo + "/confirm", Demo.BROKER_KEY,
                "application/json", "");
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(202);

        JsonNode released = awaitState(copNo, "RELEASED");
        assertThat(released.path("history").findValuesAsText("status")).contains("800");
        assertThat(caseOf(orderNo, t.order().ebpCode()).path("state").asText()).isEqualTo("RELEASED");
    }

    @Test
    void someDeclarationsAreInspectedBeforeTheirRelease() throws Exception {
        ParkFixtures fixtures = new ParkFixtures(982);
        Transaction t = fixtures.transaction();
        String copNo = copNo("COPSIM1000", true);
        send(fixtures, t, "ORD-SIM-2", copNo, t.payment().amountPaid());

        JsonNode released = awaitState(copNo, "RELEASED");
        assertThat(released.path("history").findValuesAsText("status")).containsSubsequence("120", "500", "800");
    }

    @Test
    void aPaymentThatDoesNotCoverTheOrderIsRejectedWithCustomsReason() throws Exception {
        ParkFixtures fixtures = new ParkFixtures(983);
        Transaction t = fixtures.transaction();
        String copNo = copNo("COPSIM2000", false);
        InventoryDeclaration declaration = send(fixtures, t, "ORD-SIM-3", copNo, new java.math.BigDecimal("1.00"));

        JsonNode rejected = awaitState(copNo, "REJECTED");
        assertThat(rejected.path("reason").asText()).startsWith("三单比对失败").contains("支付金额1.00");
        assertThat(caseOf("ORD-SIM-3", declaration.ebpCode()).path("state").asText()).isEqualTo("REJECTED");
    }

    @Test
    void aDeclarationOverTheSingleLimitIsRefused() throws Exception {
        ParkFixtures fixtures = new ParkFixtures(984);
        Transaction t = fixtures.transaction();
        String copNo = copNo("COPSIM3000", false);
        InventoryDeclaration over = RecordEdit.with(RecordEdit.with(RecordEdit.with(RecordEdit.with(
                RecordEdit.with(fixtures.declaration(t), "orderNo", "ORD-SIM-4"), "copNo", copNo),
                "lines[0].price", "6000"), "lines[0].qty", "1"), "lines[0].totalPrice", "6000");
        sendDocuments(t, "ORD-SIM-4", t.payment().amountPaid());
        declare(over);

        JsonNode refused = awaitState(copNo, "FAILED");
        assertThat(refused.path("status").asInt()).isEqualTo(-621005);
        assertThat(refused.path("reason").asText()).contains("超过单次交易限值");
    }

    @Test
    void aMessageCustomsCannotReadGetsACeb900() throws Exception {
        hub.context().createProducerTemplate().sendBody("bean:customsSimulator?method=receive",
                "<dxp:DxpMsg xmlns:dxp=\"http://www.chinaport.gov.cn/dxp\"><dxp:Data>bm90IHhtbA==</dxp:Data></dxp:DxpMsg>");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode found = JSON.readTree(hub.get("/api/v1/admin/messages?type=customs-receipt&sender=CUSTOMS&limit=200",
                    Demo.ADMIN_KEY).body());
            boolean formatError = false;
            for (String id : found.path("items").findValuesAsText("messageId")) {
                JsonNode receipt = JSON.readTree(hub.get("/api/v1/admin/messages/" + id, Demo.ADMIN_KEY).body())
                        .path("payload");
                formatError |= receipt.path("messageCode").asText().equals("CEB900")
                        && receipt.path("returnInfo").asText().startsWith("报文格式错误");
            }
            assertThat(formatError).as("a CEB900 from the simulator").isTrue();
        });
    }

    /** A copNo customs inspects (or not) at the configured share. */
    private static String copNo(String prefix, boolean inspected) {
        for (int i = 0; ; i++) {
            String copNo = prefix + String.format("%04d", i);
            if (CustomsSimulator.inspects(copNo, INSPECTION_PERCENT) == inspected) {
                return copNo;
            }
        }
    }

    private static InventoryDeclaration send(ParkFixtures fixtures, Transaction t, String orderNo, String copNo,
            java.math.BigDecimal paid) throws Exception {
        sendDocuments(t, orderNo, paid);
        InventoryDeclaration declaration = RecordEdit.with(RecordEdit.with(fixtures.declaration(t), "orderNo", orderNo),
                "copNo", copNo);
        declare(declaration);
        return declaration;
    }

    private static void sendDocuments(Transaction t, String orderNo, java.math.BigDecimal paid) throws Exception {
        post("/api/v1/messages/order", Demo.PLATFORM_KEY, CanonicalMapper.toJson(RecordEdit.with(t.order(), "orderNo",
                orderNo)));
        post("/api/v1/messages/payment", Demo.PAYMENT_KEY, CanonicalMapper.toJson(RecordEdit.with(RecordEdit.with(
                t.payment(), "orderNo", orderNo), "amountPaid", paid)));
        post("/api/v1/messages/waybill", Demo.LOGISTICS_KEY, CanonicalMapper.toJson(RecordEdit.with(t.waybill(),
                "orderNo", orderNo)));
    }

    private static void declare(InventoryDeclaration declaration) throws Exception {
        HttpResponse<String> answer = hub.post("/api/v1/ceb", Demo.BROKER_KEY, "application/xml", CebXml.write(
                CebInventories.toCeb621(List.of(declaration), new CebTransfer("3702980AGT", "Demo Broker",
                        "DXPENT0000000003"), OffsetDateTime.now(ZONE), ZONE)));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
    }

    private static void post(String path, String key, String body) throws Exception {
        HttpResponse<String> answer = hub.post(path, key, "application/json", body);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
    }

    private static JsonNode awaitState(String copNo, String state) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            HttpResponse<String> answer = hub.get("/api/v1/declarations/" + copNo, Demo.BROKER_KEY);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            found[0] = JSON.readTree(answer.body());
            assertThat(found[0].path("state").asText()).isEqualTo(state);
        });
        return found[0];
    }

    private static JsonNode caseOf(String orderNo, String ebpCode) throws Exception {
        HttpResponse<String> answer = hub.get("/api/v1/customs/cases/" + orderNo + "?ebpCode=" + ebpCode, Demo.ADMIN_KEY);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }
}
