package org.parkhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parkhub.alert.Alert;
import org.parkhub.alert.AlertMonitor;
import org.parkhub.customs.CebInventories;
import org.parkhub.customs.CebOrders;
import org.parkhub.customs.CebTaxes;
import org.parkhub.customs.CebTransfer;
import org.parkhub.customs.CebXml;
import org.parkhub.fixtures.ParkFixtures;
import org.parkhub.fixtures.RecordEdit;
import org.parkhub.fixtures.Transaction;
import org.parkhub.model.CustomsReceipt;
import org.parkhub.model.InventoryDeclaration;
import org.parkhub.support.Demo;
import org.parkhub.support.RunningHub;

/**
 * A declaration's lifecycle as customs answers it: states from CEB622 in customs' order whatever the arrival,
 * duplicates taken once, answers tied to the declaration by the numbers they carry, a release routed to the bonded
 * warehouse that ships the parcel, and the declaration readable by its parties only.
 */
class CustomsLifecycleTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final CebTransfer BROKER = new CebTransfer("3702980AGT", "Demo Broker", "DXPENT0000000003");
    static final OffsetDateTime T0 = OffsetDateTime.parse("2026-12-07T09:00:00+08:00");

    @RegisterExtension
    static final RunningHub hub = RunningHub.perClass();

    @Test
    void aDeclarationRunsFromDeclaredToClosedAndItsReleaseReachesTheWarehouse() throws Exception {
        ParkFixtures fixtures = new ParkFixtures(901);
        Transaction t = fixtures.transaction();
        InventoryDeclaration declaration = unique(fixtures.declaration(t), "COPLIFE000001", "ORD-LIFE-1");
        post(Demo.PLATFORM_KEY, CebXml.write(CebOrders.toCeb311(List.of(RecordEdit.with(t.order(), "orderNo",
                "ORD-LIFE-1")), new CebTransfer("3301960ABC", "Demo Platform", "DXPENT0000000001"), T0, ZONE)));
        post(Demo.BROKER_KEY, CebXml.write(CebInventories.toCeb621(List.of(declaration), BROKER, T0, ZONE)));
        assertThat(declaration("COPLIFE000001", Demo.BROKER_KEY).path("state").asText()).isEqualTo("SUBMITTED");

        String declared = receipt(declaration, 2, 1, "declared");
        String accepted = receipt(declaration, 120, 10, "accepted");
        String closed = receipt(declaration, 899, 60, "closed");
        // customs' answers without the parties' codes: the hub finds them in the declaration
        String released = receipt(RecordEdit.with(RecordEdit.with(declaration, "ebpCode", null), "ebcCode", null),
                800, 30, "released");
        JsonNode first = post(Demo.CUSTOMS_KEY, declared);
        post(Demo.CUSTOMS_KEY, accepted);
        assertThat(declaration("COPLIFE000001", Demo.BROKER_KEY).path("state").asText()).isEqualTo("ACCEPTED");
        // closed before released arrives, and the 120 again: customs' order decides, the repeat is a duplicate
        post(Demo.CUSTOMS_KEY, closed);
        JsonNode release = post(Demo.CUSTOMS_KEY, released);
        JsonNode again = post(Demo.CUSTOMS_KEY, accepted);
        assertThat(again.at("/items/0/status").asText()).isEqualTo("duplicate");

        JsonNode view = declaration("COPLIFE000001", Demo.PLATFORM_KEY);
        assertThat(view.path("state").asText()).isEqualTo("CLOSED");
        assertThat(view.path("status").asInt()).isEqualTo(899);
        assertThat(view.path("preNo").asText()).isEqualTo("E20261207000000001");
        assertThat(view.path("history").findValuesAsText("status")).containsExactly("2", "120", "800", "899");
        assertThat(view.at("/order/messageId").asText()).isNotEmpty();
        assertThat(view.path("declarationMessageId").asText()).isNotEmpty();

        // the release goes to the bonded warehouse of the declaration's area and to the platform; the other answers not
        // to the warehouse
        assertThat(recipientsOf(release)).contains("WH-QD-01", "PLAT-01", "MERCH-01", "BROKER-01");
        assertThat(recipientsOf(first)).contains("PLAT-01", "BROKER-01").doesNotContain("WH-QD-01");

        // the tax bill names the declaration by invtNo alone
        post(Demo.CUSTOMS_KEY, CebXml.write(CebTaxes.toCeb816(List.of(RecordEdit.with(fixtures.taxBill(declaration,
                "422720261000000901"), "orderNo", null)), ZONE)));
        JsonNode taxed = declaration("COPLIFE000001", Demo.BROKER_KEY);
        assertThat(taxed.path("history").findValuesAsText("messageCode")).contains("CEB816");
        assertThat(taxed.path("state").asText()).isEqualTo("CLOSED");

        // the declaration's warehouse may read it; a carrier that is not its party may not
        assertThat(hub.get("/api/v1/declarations/COPLIFE000001", Demo.WAREHOUSE_KEY).statusCode()).isEqualTo(200);
        assertThat(hub.get("/api/v1/declarations/COPLIFE000001", Demo.LOGISTICS_KEY).statusCode()).isEqualTo(404);
        assertThat(hub.get("/api/v1/declarations/COPNOSUCH", Demo.ADMIN_KEY).statusCode()).isEqualTo(404);
    }

    @Test
    void aRejectionReachesThePlatformMerchantAndBrokerWithItsReason() throws Exception {
        ParkFixtures fixtures = new ParkFixtures(902);
        InventoryDeclaration declaration = unique(fixtures.declaration(fixtures.transaction()), "COPLIFE000002",
                "ORD-LIFE-2");
        post(Demo.BROKER_KEY, CebXml.write(CebInventories.toCeb621(List.of(declaration), BROKER, T0, ZONE)));
        post(Demo.CUSTOMS_KEY, receipt(declaration, 2, 1, "declared"));
        JsonNode rejected = post(Demo.CUSTOMS_KEY, receipt(declaration, 100, 5, "订购人年度交易超过限值"));

        JsonNode view = declaration("COPLIFE000002", Demo.MERCHANT_KEY);
        assertThat(view.path("state").asText()).isEqualTo("REJECTED");
        // the order's customs state is its latest declaration's, for its parties
        JsonNode order = JSON.readTree(hub.get("/api/v1/declarations?orderNo=ORD-LIFE-2", Demo.PLATFORM_KEY).body());
        assertThat(order.path("state").asText()).isEqualTo("REJECTED");
        assertThat(order.path("declarations").findValuesAsText("copNo")).containsExactly("COPLIFE000002");
        assertThat(JSON.readTree(hub.get("/api/v1/declarations?orderNo=ORD-LIFE-2", Demo.LOGISTICS_KEY).body())
                .path("declarations")).isEmpty();
        assertThat(view.path("reason").asText()).isEqualTo("订购人年度交易超过限值");
        assertThat(recipientsOf(rejected)).contains("PLAT-01", "MERCH-01", "BROKER-01").doesNotContain("WH-QD-01");
    }

    @Test
    void answersThatComeBeforeTheirDeclarationWaitForIt() throws Exception {
        ParkFixtures fixtures = new ParkFixtures(903);
        InventoryDeclaration declaration = unique(fixtures.declaration(fixtures.transaction()), "COPLIFE000003",
                "ORD-LIFE-3");
        post(Demo.CUSTOMS_KEY, receipt(declaration, 120, 10, "accepted"));
        assertThat(declaration("COPLIFE000003", Demo.ADMIN_KEY).path("state").asText()).isEqualTo("ACCEPTED");

        post(Demo.BROKER_KEY, CebXml.write(CebInventories.toCeb621(List.of(declaration), BROKER, T0, ZONE)));
        JsonNode view = declaration("COPLIFE000003", Demo.BROKER_KEY);
        assertThat(view.path("state").asText()).isEqualTo("ACCEPTED");
        assertThat(view.path("orderNo").asText()).isEqualTo("ORD-LIFE-3");
        assertThat(view.at("/parties/areaCode").asText()).isEqualTo("3702W6");

        // in customs' database since T0 + 10 minutes, hours ago: longer than the 120 minutes allowed
        AlertMonitor alerts = hub.context().getRegistry().lookupByNameAndType("alertMonitor", AlertMonitor.class);
        alerts.check();
        assertThat(alerts.active()).filteredOn(a -> a.kind() == Alert.Kind.DECLARATION_STUCK)
                .singleElement().satisfies(a -> {
                    assertThat(a.subject()).isEqualTo("ACCEPTED");
                    assertThat(a.detail()).contains("COPLIFE000003").contains("longer than 120 min");
                });
    }

    private static InventoryDeclaration unique(InventoryDeclaration d, String copNo, String orderNo) {
        return RecordEdit.with(RecordEdit.with(d, "copNo", copNo), "orderNo", orderNo);
    }

    /** A CEB622 about the declaration, stamped by customs {@code minutes} after T0. */
    private static String receipt(InventoryDeclaration d, int status, int minutes, String info) {
        String suffix = d.copNo().substring(d.copNo().length() - 3);
        CustomsReceipt receipt = CustomsReceipt.of("CEB622", String.format("0E0B1C55-6F1A-4C47-9D55-6A3F0C2E7%03d", status))
                .customsCode(d.customsCode()).order(d.ebpCode(), d.ebcCode(), null).agentCode(d.agentCode())
                .documents(d.copNo(), "E20261207000000" + suffix, status >= 120 ? "4227202610000009" + suffix.substring(1) : null)
                .status(status, T0.plusMinutes(minutes), info);
        return CebXml.write(CebInventories.toCeb622(List.of(receipt), ZONE));
    }

    private static JsonNode post(String key, String xml) throws Exception {
        HttpResponse<String> response = hub.post("/api/v1/ceb", key, "application/xml", xml);
        assertThat(response.statusCode()).as(response.body()).isIn(200, 202);
        return JSON.readTree(response.body());
    }

    private static JsonNode declaration(String copNo, String key) throws Exception {
        HttpResponse<String> response = hub.get("/api/v1/declarations/" + copNo, key);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static List<String> recipientsOf(JsonNode accepted) throws Exception {
        String id = accepted.at("/items/0/messageId").asText();
        JsonNode routed = JSON.readTree(await().until(() -> hub.get("/api/v1/messages/" + id, Demo.ADMIN_KEY).body(),
                b -> b.contains("ROUTED")));
        return routed.path("deliveries").findValuesAsText("recipient");
    }
}
