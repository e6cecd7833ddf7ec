package org.parkhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.parkhub.customs.CebInventories;
import org.parkhub.customs.CebOrders;
import org.parkhub.customs.CebPayments;
import org.parkhub.customs.CebSigner;
import org.parkhub.customs.CebTaxes;
import org.parkhub.customs.CebTransfer;
import org.parkhub.customs.CebWithdrawals;
import org.parkhub.customs.CebXml;
import org.parkhub.fixtures.ParkFixtures;
import org.parkhub.fixtures.RecordEdit;
import org.parkhub.fixtures.Transaction;
import org.parkhub.model.CustomsReceipt;
import org.parkhub.model.InventoryDeclaration;
import org.parkhub.model.Order;
import org.parkhub.support.Demo;
import org.parkhub.support.RunningHub;
import org.parkhub.support.TestSigningKey;

/** Customs XML at POST /api/v1/ceb: declarations from the firms, receipts and tax bills from customs, routed to their parties. */
class CebIngressTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final CebTransfer PLATFORM = new CebTransfer("3301960ABC", "Demo Platform", "DXPENT0000000001");
    static final CebTransfer BROKER = new CebTransfer("3702980AGT", "Demo Broker", "DXPENT0000000003");

    @RegisterExtension
    static final RunningHub hub = RunningHub.perClass();

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
        HttpResponse<String> answered = hub.post("/api/v1/ceb", Demo.CUSTOMS_KEY, "application/xml", receipt);
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(202);
        String receiptId = JSON.readTree(answered.body()).at("/items/0/messageId").asText();
        JsonNode routed = JSON.readTree(await().until(() -> hub.get("/api/v1/messages/" + receiptId, Demo.PLATFORM_KEY).body(),
                b -> b.contains("ROUTED")));
        assertThat(routed.path("deliveries").findValuesAsText("recipient"))
                .containsExactlyInAnyOrder("PLAT-01", "MERCH-01", "BROKER-01");
    }

    @Test
    void aDeclarationAndCustomsAnswersReachTheirParties() throws Exception {
        ParkFixtures fixtures = new ParkFixtures(504);
        Transaction t = fixtures.transaction();
        InventoryDeclaration declaration = fixtures.declaration(t);
        HttpResponse<String> declared = hub.post("/api/v1/ceb", Demo.BROKER_KEY, "application/xml", CebXml.write(
                CebInventories.toCeb621(List.of(declaration), BROKER, OffsetDateTime.now(), ZONE)));
        assertThat(declared.statusCode()).as(declared.body()).isEqualTo(202);
        assertThat(recipientsOf(declared, Demo.BROKER_KEY)).containsExactlyInAnyOrder("PLAT-01", "MERCH-01", "CUSTOMS");

        CustomsReceipt released = CustomsReceipt.of("CEB622", "0E0B1C55-6F1A-4C47-9D55-6A3F0C2E7B11")
                .customsCode(declaration.customsCode()).order(declaration.ebpCode(), declaration.ebcCode(), null)
                .agentCode(declaration.agentCode()).documents(declaration.copNo(), "E20261126000000001", "422720261000000001")
                .status(800, OffsetDateTime.now(), "released");
        HttpResponse<String> answered = hub.post("/api/v1/ceb", Demo.CUSTOMS_KEY, "application/xml",
                CebXml.write(CebInventories.toCeb622(List.of(released), ZONE)));
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(202);
        // a release also goes to the bonded warehouse of the declaration's area: it ships the parcel now
        assertThat(recipientsOf(answered, Demo.CUSTOMS_KEY)).containsExactlyInAnyOrder("PLAT-01", "MERCH-01", "BROKER-01",
                "WH-QD-01");

        HttpResponse<String> taxed = hub.post("/api/v1/ceb", Demo.CUSTOMS_KEY, "application/xml",
                CebXml.write(CebTaxes.toCeb816(List.of(fixtures.taxBill(declaration, "422720261000000001")), ZONE)));
        assertThat(taxed.statusCode()).as(taxed.body()).isEqualTo(202);
        // the tax bill also reaches the declaration's platform, which bills the buyer
        assertThat(recipientsOf(taxed, Demo.CUSTOMS_KEY)).containsExactlyInAnyOrder("PLAT-01", "MERCH-01", "LOG-01",
                "BROKER-01");

        // a payment receipt goes back to the payment firm that sent the payment
        CustomsReceipt paid = CustomsReceipt.of("CEB412", "0E0B1C55-6F1A-4C47-9D55-6A3F0C2E7B12")
                .payment(t.payment().payCode(), t.payment().payTransactionId()).status(120, OffsetDateTime.now(), "accepted");
        HttpResponse<String> paymentReceipt = hub.post("/api/v1/ceb", Demo.CUSTOMS_KEY, "application/xml",
                CebXml.write(CebPayments.toCeb412(List.of(paid), ZONE)));
        assertThat(recipientsOf(paymentReceipt, Demo.CUSTOMS_KEY)).contains("PAY-01", "BROKER-01");
    }

    @Test
    void aPlatformCannotCancelADeclaration() throws Exception {
        ParkFixtures fixtures = new ParkFixtures(505);
        InventoryDeclaration declaration = fixtures.declaration(fixtures.transaction());
        HttpResponse<String> response = hub.post("/api/v1/ceb", Demo.PLATFORM_KEY, "application/xml", CebXml.write(
                CebWithdrawals.toCeb623(List.of(fixtures.cancellation(declaration, "422720261000000001")), PLATFORM,
                        OffsetDateTime.now(), ZONE)));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("may not send CEB623");
    }

    @Test
    void customsXmlIsReadInTheEncodingRfc7303Names() throws Exception {
        Order order = RecordEdit.with(new ParkFixtures(506).transaction().order(), "consignee.name", "朱镕");
        String xml = CebXml.write(CebOrders.toCeb311(List.of(order), PLATFORM, OffsetDateTime.now(), ZONE))
                .replace("encoding=\"UTF-8\"", "encoding=\"gb2312\"");
        byte[] gbk = xml.getBytes(Charset.forName("GBK"));

        // no charset in the Content-Type: the XML declaration decides (GB2312 read as GBK, its superset)
        HttpResponse<String> posted = hub.post("/api/v1/ceb", Demo.PLATFORM_KEY, "application/xml", gbk);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
        String id = JSON.readTree(posted.body()).at("/items/0/messageId").asText();
        JsonNode journaled = JSON.readTree(hub.get("/api/v1/messages/" + id, Demo.PLATFORM_KEY).body());
        assertThat(journaled.at("/payload/consignee/name").asText()).isEqualTo("朱镕");

        // a charset in the Content-Type wins over the declaration: these bytes are not UTF-8
        HttpResponse<String> misnamed = hub.post("/api/v1/ceb", Demo.PLATFORM_KEY, "application/xml; charset=UTF-8", gbk);
        assertThat(misnamed.statusCode()).isEqualTo(400);
        assertThat(misnamed.body()).contains("not valid UTF-8 text").contains("the charset its Content-Type names");
    }

    @Test
    void aSignedDocumentIsKeptAsSentAndASignatureThatDoesNotVerifyIsAWarning(@TempDir Path keys) throws Exception {
        CebSigner signer = TestSigningKey.signer(keys);
        ParkFixtures fixtures = new ParkFixtures(508);
        InventoryDeclaration declaration = fixtures.declaration(fixtures.transaction());
        String signed = signer.sign(CebXml.write(CebInventories.toCeb621(List.of(declaration), BROKER,
                OffsetDateTime.now(), ZONE)));

        HttpResponse<String> posted = hub.post("/api/v1/ceb", Demo.BROKER_KEY, "application/xml", signed);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
        JsonNode item = JSON.readTree(posted.body()).at("/items/0");
        assertThat(item.path("warnings").findValuesAsText("code")).doesNotContain("SIGNATURE_INVALID");
        String id = item.path("messageId").asText();
        JsonNode evidence = JSON.readTree(hub.get("/api/v1/messages/" + id + "/signed-document", Demo.BROKER_KEY).body());
        assertThat(evidence.path("signature").asText()).isEqualTo("VALID");
        assertThat(evidence.path("document").asText()).isEqualTo(signed);
        // a recipient of the message may read it too; a firm the message is not for may not
        await().until(() -> hub.get("/api/v1/messages/" + id + "/signed-document", Demo.PLATFORM_KEY).statusCode() == 200);
        assertThat(hub.get("/api/v1/messages/" + id + "/signed-document", Demo.WAREHOUSE_KEY).statusCode()).isEqualTo(404);

        // changed after signing: taken (the park has not asked for verified signatures), with a warning, kept as sent
        String changed = signed.replace(declaration.copNo(), declaration.copNo() + "X");
        HttpResponse<String> tampered = hub.post("/api/v1/ceb", Demo.BROKER_KEY, "application/xml", changed);
        assertThat(tampered.statusCode()).as(tampered.body()).isEqualTo(202);
        JsonNode warned = JSON.readTree(tampered.body()).at("/items/0");
        assertThat(warned.path("warnings").findValuesAsText("code")).contains("SIGNATURE_INVALID");
        JsonNode kept = JSON.readTree(hub.get("/api/v1/messages/" + warned.path("messageId").asText()
                + "/signed-document", Demo.BROKER_KEY).body());
        assertThat(kept.path("signature").asText()).isEqualTo("INVALID");
        assertThat(kept.path("verdict").asText()).contains("changed after it was signed");
        assertThat(kept.path("document").asText()).isEqualTo(changed);

        // an unsigned document's messages have none
        assertThat(hub.get("/api/v1/messages/" + JSON.readTree(hub.post("/api/v1/ceb", Demo.PLATFORM_KEY,
                "application/xml", CebXml.write(CebOrders.toCeb311(List.of(fixtures.transaction().order()), PLATFORM,
                        OffsetDateTime.now(), ZONE))).body()).at("/items/0/messageId").asText() + "/signed-document",
                Demo.PLATFORM_KEY).statusCode()).isEqualTo(404);
    }

    @Test
    void aCodeTheParkDoesNotKnowRefusesItsOwnNodeOnly() throws Exception {
        ParkFixtures fixtures = new ParkFixtures(509);
        Order known = RecordEdit.with(fixtures.transaction().order(), "orderNo", "ORD-CODES-1");
        Order unknown = RecordEdit.with(fixtures.transaction().order(), "orderNo", "ORD-CODES-2");
        String xml = CebXml.write(CebOrders.toCeb311(List.of(known, unknown), PLATFORM, OffsetDateTime.now(), ZONE));
        // the second order's currency as a customs code the park's list lacks
        int second = xml.indexOf("ORD-CODES-2");
        String edited = xml.substring(0, second) + xml.substring(second).replaceFirst(">142<", ">999<");

        HttpResponse<String> posted = hub.post("/api/v1/ceb", Demo.PLATFORM_KEY, "application/xml", edited);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(207);
        JsonNode items = JSON.readTree(posted.body()).path("items");
        assertThat(items.at("/0/status").asText()).isEqualTo("accepted");
        assertThat(items.at("/1/status").asText()).isEqualTo("rejected");
        assertThat(items.at("/1/errors/0/field").asText()).isEqualTo("currency");
        assertThat(items.at("/1/errors/0/message").asText()).contains("999");
    }

    private List<String> recipientsOf(HttpResponse<String> accepted, String key) throws Exception {
        String id = JSON.readTree(accepted.body()).at("/items/0/messageId").asText();
        JsonNode routed = JSON.readTree(await().until(() -> hub.get("/api/v1/messages/" + id, key).body(),
                b -> b.contains("ROUTED")));
        return routed.path("deliveries").findValuesAsText("recipient");
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
                "<ceb:CEB999Message xmlns:ceb=\"http://www.chinaport.gov.cn/ceb\" guid=\"x\" version=\"1.0\"/>");
        assertThat(unsupported.statusCode()).isEqualTo(400);
        assertThat(unsupported.body()).contains("CEB999Message is not a customs message this hub reads");
        assertThat(hub.post("/api/v1/ceb", Demo.PLATFORM_KEY, "application/xml", "<not-closed").statusCode()).isEqualTo(400);
        assertThat(hub.post("/api/v1/ceb", Demo.PLATFORM_KEY, "application/xml",
                "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>").body())
                .contains("DOCTYPE");
    }
}
