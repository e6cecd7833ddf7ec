package org.parkhub.customs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.parkhub.customs.ceb.CEB311Message;
import org.parkhub.customs.ceb.CEB312Message;
import org.parkhub.fixtures.ParkFixtures;
import org.parkhub.model.CustomsReceipt;
import org.parkhub.model.Order;
import org.parkhub.support.XsdCheck;

/** CEB311 orders and CEB312 receipts: round trips on synthetic fixtures, checked against both schemas. */
class CebOrdersTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final CebTransfer TRANSFER = new CebTransfer("3301960ABC", "Demo Platform", "DXPENT0000000001");

    @Test
    void ordersRoundTripThroughCeb311() throws Exception {
        ParkFixtures fixtures = new ParkFixtures(401);
        List<Order> orders = List.of(fixtures.transaction().order(), fixtures.transaction().order());
        String xml = CebXml.write(CebOrders.toCeb311(orders, TRANSFER, OffsetDateTime.now(), ZONE));
        XsdCheck.validate(Path.of("schemas/ceb/ceb-subset.xsd"), xml);
        assertThat(xml).contains("<acturalPaid>", "<currency>142</currency>");
        assertThat(CebOrders.fromCeb311(CebXml.read(xml, CEB311Message.class))).isEqualTo(orders);
    }

    @Test
    void receiptsRoundTripThroughCeb312() throws Exception {
        ParkFixtures fixtures = new ParkFixtures(402);
        Order order = fixtures.transaction().order();
        List<CustomsReceipt> receipts = List.of(fixtures.orderReceipt(order, 120), fixtures.orderReceipt(order, 100));
        String xml = CebXml.write(CebOrders.toCeb312(receipts, ZONE));
        XsdCheck.validate(Path.of("schemas/ceb/ceb-subset.xsd"), xml);
        List<CustomsReceipt> back = CebOrders.fromCeb312(CebXml.read(xml, CEB312Message.class), ZONE);
        assertThat(back).extracting(CustomsReceipt::returnStatus).containsExactly(120, 100);
        assertThat(back.get(0).returnTime()).isEqualTo(receipts.get(0).returnTime());
        assertThat(back.get(0).orderNo()).isEqualTo(order.orderNo());
    }

    @Test
    void anyPrefixOrNoneIsRead() throws Exception {
        String prefixed = """
                <ceb:CEB312Message guid="4CDE1CFD-EDED-46B1-946C-B8022E42FC94" version="1.0" xmlns:ceb="http://www.chinaport.gov.cn/ceb">
                  <ceb:OrderReturn><ceb:guid>4CDE1CFD-EDED-46B1-946C-B8022E42FC95</ceb:guid><ceb:ebpCode>3301960ABC</ceb:ebpCode>
                  <ceb:ebcCode>3301960XYZ</ceb:ebcCode><ceb:orderNo>ORD-1</ceb:orderNo><ceb:returnStatus>800</ceb:returnStatus>
                  <ceb:returnTime>20261126101530123</ceb:returnTime><ceb:returnInfo>released</ceb:returnInfo></ceb:OrderReturn>
                </ceb:CEB312Message>""";
        String unprefixed = prefixed.replace("ceb:", "").replace("xmlns:ceb=", "xmlns=");
        for (String xml : List.of(prefixed, unprefixed)) {
            CustomsReceipt receipt = CebOrders.fromCeb312(CebXml.read(xml, CEB312Message.class), ZONE).get(0);
            assertThat(receipt.returnStatus()).isEqualTo(800);
            assertThat(receipt.returnTime().toString()).isEqualTo("2026-11-26T10:15:30.123+08:00");
        }
    }

    @Test
    void whatIsNotACustomsMessageIsRefusedWithTheReason() {
        assertThatThrownBy(() -> CebXml.read("<CEB312Message/>", CEB312Message.class)).hasMessageContaining("not a customs message");
        assertThatThrownBy(() -> CebXml.read("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<CEB312Message xmlns=\"http://www.chinaport.gov.cn/ceb\">&e;</CEB312Message>", CEB312Message.class))
                .hasMessageContaining("DOCTYPE");
        String ceb311 = CebXml.write(CebOrders.toCeb311(List.of(new ParkFixtures(403).transaction().order()), TRANSFER,
                OffsetDateTime.now(), ZONE));
        assertThatThrownBy(() -> CebXml.read(ceb311, CEB312Message.class)).hasMessageContaining("expected CEB312Message");
    }

    /** Mandatory when parkhub.ceb.official-xsd names the official import XSD (.ci/run sets it). */
    @Test
    void whatParkhubWritesValidatesAgainstTheOfficialXsd() throws Exception {
        Path official = XsdCheck.officialCebXsd();
        ParkFixtures fixtures = new ParkFixtures(404);
        Order order = fixtures.transaction().order();
        XsdCheck.validate(official, CebXml.write(CebOrders.toCeb311(List.of(order), TRANSFER, OffsetDateTime.now(), ZONE)));
        XsdCheck.validate(official, CebXml.write(CebOrders.toCeb312(List.of(fixtures.orderReceipt(order, 120)), ZONE)));
    }
}
