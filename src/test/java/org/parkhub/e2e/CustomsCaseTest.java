package org.parkhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parkhub.customs.CebInventories;
import org.parkhub.customs.CebTransfer;
import org.parkhub.customs.CebWithdrawals;
import org.parkhub.customs.CebXml;
import org.parkhub.fixtures.ParkFixtures;
import org.parkhub.fixtures.RecordEdit;
import org.parkhub.fixtures.Transaction;
import org.parkhub.model.CanonicalMapper;
import org.parkhub.model.CustomsReceipt;
import org.parkhub.model.InventoryDeclaration;
import org.parkhub.model.Order;
import org.parkhub.model.Payment;
import org.parkhub.model.Waybill;
import org.parkhub.support.Demo;
import org.parkhub.support.ParticipantQueue;
import org.parkhub.support.RunningHub;

/**
 * A transaction's customs case as its documents arrive from their firms, in any order, corrected and declared: pending
 * while one is missing, a mismatch naming the rule and both values, matched once corrected, then customs' state.
 */
class CustomsCaseTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @RegisterExtension
    static final RunningHub hub = RunningHub.perClass();

    @Test
    void aCaseGoesFromPendingThroughMismatchToReleased() throws Exception {
        ParkFixtures fixtures = new ParkFixtures(971);
        Transaction t = fixtures.transaction();
        String orderNo = "ORD-CASE-1";
        Order order = RecordEdit.with(t.order(), "orderNo", orderNo);
        Payment payment = RecordEdit.with(t.payment(), "orderNo", orderNo);
        Waybill waybill = RecordEdit.with(t.waybill(), "orderNo", orderNo);

        post("/api/v1/messages/order", Demo.PLATFORM_KEY, CanonicalMapper.toJson(order));
        JsonNode pending = caseOf(orderNo, Demo.PLATFORM_KEY, null);
        assertThat(pending.path("state").asText()).isEqualTo("PENDING");
        assertThat(JSON.convertValue(pending.path("missing"), List.class)).containsExactly("payment", "waybill");

        // the payment firm sends a cent-perfect amount of another order, and another payer
        post("/api/v1/messages/payment", Demo.PAYMENT_KEY, CanonicalMapper.toJson(RecordEdit.with(RecordEdit.with(payment,
                "amountPaid", "1.00"), "payer.name", "另一个人")));
        post("/api/v1/messages/waybill", Demo.LOGISTICS_KEY, CanonicalMapper.toJson(waybill));
        JsonNode mismatch = caseOf(orderNo, Demo.PLATFORM_KEY, null);
        assertThat(mismatch.path("state").asText()).isEqualTo("MISMATCH");
        assertThat(mismatch.path("findings").findValuesAsText("rule")).containsExactlyInAnyOrder("3DOC-2", "3DOC-6");
        JsonNode paid = mismatch.path("findings").findParents("rule").stream()
                .filter(f -> f.path("rule").asText().equals("3DOC-2")).findFirst().orElseThrow();
        assertThat(paid.at("/fields/0/value").asText()).isEqualTo(order.actualPaid().setScale(2).toPlainString());
        assertThat(paid.at("/fields/0/otherValue").asText()).isEqualTo("1.00");

        // corrected: the payment's next revision
        post("/api/v1/messages/payment", Demo.PAYMENT_KEY, CanonicalMapper.toJson(payment));
        assertThat(caseOf(orderNo, Demo.PLATFORM_KEY, null).path("state").asText()).isEqualTo("MATCHED");

        // declared, and released by customs
        InventoryDeclaration declaration = RecordEdit.with(RecordEdit.with(fixtures.declaration(t), "orderNo", orderNo),
                "copNo", "COPCASE000001");
        post("/api/v1/ceb", Demo.BROKER_KEY, "application/xml", CebXml.write(CebInventories.toCeb621(List.of(declaration),
                new CebTransfer("3702980AGT", "Demo Broker", "DXPENT0000000003"), OffsetDateTime.now(ZONE), ZONE)));
        assertThat(caseOf(orderNo, Demo.BROKER_KEY, declaration.ebpCode()).path("state").asText()).isEqualTo("MATCHED");
        for (int status : new int[] {2, 800}) {
            post("/api/v1/ceb", Demo.CUSTOMS_KEY, "application/xml", CebXml.write(CebInventories.toCeb622(List.of(
                    CustomsReceipt.of("CEB622", "0E0B1C55-6F1A-4C47-9D55-6A3F0C2E7" + (100 + status))
                            .customsCode(declaration.customsCode()).agentCode(declaration.agentCode())
                            .documents(declaration.copNo(), "E20261207000000971", status == 800 ? "422720261000000971" : null)
                            .status(status, OffsetDateTime.now(ZONE).plusSeconds(status), "status " + status)), ZONE)));
        }
        JsonNode released = caseOf(orderNo, Demo.MERCHANT_KEY, order.ebpCode());
        assertThat(released.path("state").asText()).isEqualTo("RELEASED");
        // the declaration gave the lines' HS codes: the order's tax is the tax customs computes
        assertThat(new java.math.BigDecimal(released.at("/tax/computed").asText())).isCloseTo(order.taxTotal(),
                org.assertj.core.data.Offset.offset(new java.math.BigDecimal("0.05")));
        assertThat(released.path("findings").findValuesAsText("rule")).doesNotContain("TAX");
        assertThat(released.path("declarationState").asText()).isEqualTo("RELEASED");
        assertThat(released.at("/documents/declaration").asText()).isNotEmpty();

        // a firm that is not party to the case sees none
        assertThat(hub.get("/api/v1/customs/cases/" + orderNo + "?ebpCode=" + order.ebpCode(), Demo.WAREHOUSE_KEY)
                .statusCode()).isEqualTo(404);
        assertThat(hub.get("/api/v1/customs/cases/" + orderNo, Demo.WAREHOUSE_KEY).statusCode()).isEqualTo(400);
    }

    @Test
    void thePlatformAndTheBrokerAreToldEachChangeAsAPrecheckResult() throws Exception {
        ParkFixtures fixtures = new ParkFixtures(976);
        Transaction t = fixtures.transaction();
        String orderNo = "ORD-CASE-6";
        Order order = RecordEdit.with(t.order(), "orderNo", orderNo);
        Payment payment = RecordEdit.with(t.payment(), "orderNo", orderNo);
        try (ParticipantQueue platform = ParticipantQueue.ownOfType(hub.brokerPort(), Demo.PLATFORM, Demo.PLATFORM_KEY,
                "precheck-result");
             ParticipantQueue broker = ParticipantQueue.ownOfType(hub.brokerPort(), Demo.BROKER, Demo.BROKER_KEY,
                "precheck-result")) {
            // the order alone: pending, nothing found, nobody needs telling yet
            post("/api/v1/messages/order", Demo.PLATFORM_KEY, CanonicalMapper.toJson(order));
            post("/api/v1/messages/payment", Demo.PAYMENT_KEY, CanonicalMapper.toJson(RecordEdit.with(payment,
                    "amountPaid", "1.00")));
            post("/api/v1/messages/waybill", Demo.LOGISTICS_KEY, CanonicalMapper.toJson(RecordEdit.with(t.waybill(),
                    "orderNo", orderNo)));
            // the first result already has the finding: the pending order alone was not worth a message
            JsonNode first = nextResult(platform, orderNo, null);
            assertThat(first.path("revision").asInt()).isEqualTo(1);
            assertThat(first.at("/payload/findings").findValuesAsText("rule")).contains("3DOC-2");
            JsonNode mismatch = first.at("/payload/state").asText().equals("MISMATCH") ? first
                    : nextResult(platform, orderNo, "MISMATCH");
            assertThat(mismatch.path("sender").asText()).isEqualTo("parkhub");
            assertThat(mismatch.path("channel").asText()).isEqualTo("hub");
            assertThat(mismatch.at("/payload/findings").findValuesAsText("rule")).contains("3DOC-2");
            JsonNode paid = mismatch.at("/payload/findings").findParents("rule").stream()
                    .filter(f -> f.path("rule").asText().equals("3DOC-2")).findFirst().orElseThrow();
            assertThat(paid.path("severity").asText()).isEqualTo("ERROR");
            assertThat(paid.path("otherValue").asText()).isEqualTo("1.00");
            assertThat(paid.path("value").asText()).isEqualTo(order.actualPaid().setScale(2).toPlainString());

            // corrected: the next revision of the case's result says it matches
            post("/api/v1/messages/payment", Demo.PAYMENT_KEY, CanonicalMapper.toJson(payment));
            JsonNode matched = nextResult(platform, orderNo, "MATCHED");
            assertThat(matched.path("supersedes").asText()).isEqualTo(mismatch.path("messageId").asText());
            assertThat(matched.at("/payload/findings").findValuesAsText("severity")).doesNotContain("ERROR");
            assertThat(matched.at("/payload/computedTax").isMissingNode()
                    || !matched.at("/payload/taxNotAssessed").isMissingNode()).isTrue();

            // declared by the broker, which now hears the case's results too, up to customs' release
            InventoryDeclaration declaration = RecordEdit.with(RecordEdit.with(fixtures.declaration(t), "orderNo",
                    orderNo), "copNo", "COPCASE000006");
            post("/api/v1/ceb", Demo.BROKER_KEY, "application/xml", CebXml.write(CebInventories.toCeb621(
                    List.of(declaration), new CebTransfer("3702980AGT", "Demo Broker", "DXPENT0000000003"),
                    OffsetDateTime.now(ZONE), ZONE)));
            JsonNode declared = nextResult(broker, orderNo, "MATCHED");
            assertThat(declared.at("/payload/copNo").asText()).isEqualTo("COPCASE000006");
            assertThat(declared.at("/payload/agentCode").asText()).isEqualTo("3702980AGT");
            post("/api/v1/ceb", Demo.CUSTOMS_KEY, "application/xml", CebXml.write(CebInventories.toCeb622(List.of(
                    CustomsReceipt.of("CEB622", "0E0B1C55-6F1A-4C47-9D55-6A3F0C2E7976")
                            .customsCode(declaration.customsCode()).agentCode(declaration.agentCode())
                            .documents(declaration.copNo(), "E20261207000000976", "422720261000000976")
                            .status(800, OffsetDateTime.now(ZONE), "released")), ZONE)));
            assertThat(nextResult(broker, orderNo, "RELEASED").at("/payload/declarationState").asText())
                    .isEqualTo("RELEASED");
            assertThat(nextResult(platform, orderNo, "RELEASED").path("revision").asInt()).isGreaterThan(2);
        }
        // the console's view: the case among the released, its timeline from the documents to customs' release, and
        // the platform's compliance counting the mismatch found today
        JsonNode listed = JSON.readTree(hub.get("/api/v1/admin/customs/cases?state=RELEASED&ebpCode=" + order.ebpCode(),
                Demo.ADMIN_KEY).body());
        assertThat(listed.path("items").findValuesAsText("orderNo")).contains(orderNo);
        assertThat(listed.at("/counts/RELEASED").asInt()).isPositive();
        JsonNode detail = JSON.readTree(hub.get("/api/v1/admin/customs/cases/" + order.ebpCode() + "/" + orderNo,
                Demo.ADMIN_KEY).body());
        assertThat(detail.path("state").asText()).isEqualTo("RELEASED");
        assertThat(detail.path("timeline").findValuesAsText("what")).contains("order", "payment", "waybill",
                "declaration", "precheck-result", "CEB622");
        JsonNode compliance = JSON.readTree(hub.get("/api/v1/admin/customs/compliance?days=2", Demo.ADMIN_KEY).body());
        JsonNode platformDays = compliance.path("platforms").findParents("ebpCode").stream()
                .filter(p -> p.path("ebpCode").asText().equals(order.ebpCode())).findFirst().orElseThrow().path("days");
        assertThat(platformDays.get(0).at("/rules/3DOC-2").asInt()).isPositive();
        assertThat(hub.get("/api/v1/admin/customs/cases?state=LOST", Demo.ADMIN_KEY).statusCode()).isEqualTo(400);
        assertThat(hub.get("/api/v1/admin/customs/compliance?days=0", Demo.ADMIN_KEY).statusCode()).isEqualTo(400);
        assertThat(hub.get("/api/v1/admin/customs/cases", Demo.PLATFORM_KEY).statusCode()).isEqualTo(403);

        // no firm may send a precheck-result of its own, an administrator neither
        assertThat(hub.post("/api/v1/messages/precheck-result", Demo.ADMIN_KEY, "application/json", "{}").statusCode())
                .isIn(403, 404);
    }

    /** The next result of the case in {@code state} (null: in any state), skipping other results. */
    private static JsonNode nextResult(ParticipantQueue queue, String orderNo, String state) throws Exception {
        for (int i = 0; i < 10; i++) {
            jakarta.jms.TextMessage copy = queue.receive(30_000);
            assertThat(copy).as("a precheck-result in state " + state).isNotNull();
            JsonNode result = JSON.readTree(copy.getText());
            if (result.at("/payload/orderNo").asText().equals(orderNo)
                    && (state == null || result.at("/payload/state").asText().equals(state))) {
                return result;
            }
        }
        throw new AssertionError("no precheck-result " + state + " for " + orderNo);
    }

    @Test
    void anOrderWithoutItsTaxIsAMismatchNamingBothAmounts() throws Exception {
        ParkFixtures fixtures = new ParkFixtures(973);
        Transaction t = fixtures.transaction();
        String orderNo = "ORD-CASE-3";
        // the platform charges no tax: the amounts still add up, so the order itself is valid
        Order order = RecordEdit.with(RecordEdit.with(RecordEdit.with(t.order(), "orderNo", orderNo), "taxTotal", "0.00"),
                "actualPaid", t.order().actualPaid().subtract(t.order().taxTotal()));
        post("/api/v1/messages/order", Demo.PLATFORM_KEY, CanonicalMapper.toJson(order));
        post("/api/v1/messages/payment", Demo.PAYMENT_KEY, CanonicalMapper.toJson(RecordEdit.with(RecordEdit.with(
                t.payment(), "orderNo", orderNo), "amountPaid", order.actualPaid())));
        post("/api/v1/messages/waybill", Demo.LOGISTICS_KEY, CanonicalMapper.toJson(RecordEdit.with(t.waybill(),
                "orderNo", orderNo)));
        InventoryDeclaration declaration = RecordEdit.with(RecordEdit.with(fixtures.declaration(t), "orderNo", orderNo),
                "copNo", "COPCASE000003");
        post("/api/v1/ceb", Demo.BROKER_KEY, "application/xml", CebXml.write(CebInventories.toCeb621(List.of(declaration),
                new CebTransfer("3702980AGT", "Demo Broker", "DXPENT0000000003"), OffsetDateTime.now(ZONE), ZONE)));

        JsonNode mismatch = caseOf(orderNo, Demo.PLATFORM_KEY, null);
        assertThat(mismatch.path("state").asText()).isEqualTo("MISMATCH");
        assertThat(mismatch.path("findings").findValuesAsText("rule")).containsExactly("TAX");
        assertThat(mismatch.at("/findings/0/fields/0/value").asText()).isEqualTo("0.00");
        assertThat(mismatch.at("/findings/0/fields/0/otherValue").asText()).isEqualTo(mismatch.at("/tax/computed").asText());
        assertThat(new java.math.BigDecimal(mismatch.at("/tax/computed").asText())).isPositive();
        assertThat(mismatch.at("/tax/table").asText()).isEqualTo("2019-04-01");
    }

    @Test
    void goodsOffThePositiveListAreFound() throws Exception {
        ParkFixtures fixtures = new ParkFixtures(974);
        Transaction t = fixtures.transaction();
        String orderNo = "ORD-CASE-4";
        post("/api/v1/messages/order", Demo.PLATFORM_KEY, CanonicalMapper.toJson(RecordEdit.with(t.order(), "orderNo",
                orderNo)));
        InventoryDeclaration laptop = RecordEdit.with(RecordEdit.with(RecordEdit.with(fixtures.declaration(t), "orderNo",
                orderNo), "copNo", "COPCASE000004"), "lines[0].gcode", "8471300000");
        post("/api/v1/ceb", Demo.BROKER_KEY, "application/xml", CebXml.write(CebInventories.toCeb621(List.of(laptop),
                new CebTransfer("3702980AGT", "Demo Broker", "DXPENT0000000003"), OffsetDateTime.now(ZONE), ZONE)));

        JsonNode found = caseOf(orderNo, Demo.PLATFORM_KEY, null);
        JsonNode offList = found.path("findings").findParents("rule").stream()
                .filter(f -> f.path("rule").asText().equals("POSITIVE_LIST")).findFirst().orElseThrow();
        assertThat(offList.at("/fields/0/value").asText()).isEqualTo("8471300000");
        assertThat(offList.at("/fields/0/otherValue").asText()).isEqualTo("demo excerpt of the 2022 edition");
    }

    @Test
    void aBuyersYearCountsTowardsTheAnnualLimitAndAReturnGivesBack() throws Exception {
        ParkFixtures fixtures = new ParkFixtures(975);
        LocalDate today = LocalDate.now(ZONE);
        InventoryDeclaration first = null;
        // five declarations of 4,900 for one buyer: 24,500 of the 26,000 a year allows
        for (int i = 1; i <= 6; i++) {
            Transaction t = fixtures.transaction();
            InventoryDeclaration d = RecordEdit.with(RecordEdit.with(RecordEdit.with(RecordEdit.with(RecordEdit.with(
                    RecordEdit.with(RecordEdit.with(fixtures.declaration(t), "orderNo", "ORD-QUOTA-" + i), "copNo",
                    "COPQUOTA00000" + i), "declTime", today.toString()), "lines[0].qty", "1"), "lines[0].price", "4900"),
                    "lines[0].totalPrice", "4900"), "freight", "0");
            d = RecordEdit.with(RecordEdit.with(d, "lines", List.of(d.lines().get(0))), "insuredFee", "0");
            if (first == null) {
                first = d;
            } else {
                d = RecordEdit.with(d, "buyer", first.buyer());
            }
            if (i <= 5) {
                declare(d);
            } else {
                // the sixth: 29,400 with the others, over the limit
                post("/api/v1/messages/order", Demo.PLATFORM_KEY, CanonicalMapper.toJson(RecordEdit.with(RecordEdit.with(
                        t.order(), "orderNo", "ORD-QUOTA-6"), "buyer", first.buyer())));
                declare(d);
                JsonNode over = caseOf("ORD-QUOTA-6", Demo.PLATFORM_KEY, null);
                assertThat(over.path("findings").findValuesAsText("rule")).contains("LIMIT_ANNUAL");
                assertThat(over.at("/quota/usedByOtherDeclarations").asText()).isEqualTo("24500.00");
                assertThat(over.at("/quota/remaining").asText()).isEqualTo("-3400.00");
                assertThat(over.toString()).doesNotContain(first.buyer().idNumber());

                // the first parcel comes back within 30 days: its 4,900 is given back
                post("/api/v1/ceb", Demo.BROKER_KEY, "application/xml", CebXml.write(CebWithdrawals.toCeb625(List.of(
                        fixtures.refund(first, "422720261000009751")), new CebTransfer("3702980AGT", "Demo Broker",
                        "DXPENT0000000003"), OffsetDateTime.now(ZONE), ZONE)));
                JsonNode within = caseOf("ORD-QUOTA-6", Demo.PLATFORM_KEY, null);
                assertThat(within.at("/quota/usedByOtherDeclarations").asText()).isEqualTo("19600.00");
                assertThat(within.path("findings").findValuesAsText("rule")).doesNotContain("LIMIT_ANNUAL");
            }
        }
    }

    private static void declare(InventoryDeclaration d) throws Exception {
        post("/api/v1/ceb", Demo.BROKER_KEY, "application/xml", CebXml.write(CebInventories.toCeb621(List.of(d),
                new CebTransfer("3702980AGT", "Demo Broker", "DXPENT0000000003"), OffsetDateTime.now(ZONE), ZONE)));
    }

    @Test
    void aCancelledOrderCancelsItsCase() throws Exception {
        Order order = RecordEdit.with(new ParkFixtures(972).transaction().order(), "orderNo", "ORD-CASE-2");
        post("/api/v1/messages/order", Demo.PLATFORM_KEY, CanonicalMapper.toJson(order));
        assertThat(hub.delete("/api/v1/documents/order/" + order.ebpCode() + ":ORD-CASE-2", Demo.PLATFORM_KEY).statusCode())
                .isEqualTo(202);
        assertThat(caseOf("ORD-CASE-2", Demo.PLATFORM_KEY, null).path("state").asText()).isEqualTo("CANCELLED");
        assertThat(hub.get("/api/v1/customs/cases/ORD-NO-SUCH", Demo.PLATFORM_KEY).statusCode()).isEqualTo(404);
    }

    private static void post(String path, String key, String body) throws Exception {
        post(path, key, "application/json", body);
    }

    private static void post(String path, String key, String contentType, String body) throws Exception {
        HttpResponse<String> response = hub.post(path, key, contentType, body);
        assertThat(response.statusCode()).as(response.body()).isIn(200, 202);
    }

    private static JsonNode caseOf(String orderNo, String key, String ebpCode) throws Exception {
        HttpResponse<String> response = hub.get("/api/v1/customs/cases/" + orderNo
                + (ebpCode == null ? "" : "?ebpCode=" + ebpCode), key);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
