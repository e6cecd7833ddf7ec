package org.parkhub.customs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.parkhub.fixtures.ParkFixtures;
import org.parkhub.fixtures.Transaction;
import org.parkhub.model.CustomsReceipt;
import org.parkhub.model.MessageType;
import org.parkhub.model.Payment;
import org.parkhub.model.Waybill;
import org.parkhub.support.XsdCheck;

/** CEB411 payments, CEB511 waybills and their receipts: round trips on fixtures, both schemas, and by root element. */
class CebPaymentsAndWaybillsTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final CebTransfer TRANSFER = new CebTransfer("3101960PAY", "Demo Pay", "DXPENT0000000002");

    @Test
    void paymentsRoundTripThroughCeb411() throws Exception {
        ParkFixtures fixtures = new ParkFixtures(601);
        List<Payment> payments = List.of(fixtures.transaction().payment(), fixtures.transaction().payment());
        String xml = CebXml.write(CebPayments.toCeb411(payments, TRANSFER, OffsetDateTime.now(), ZONE));
        XsdCheck.validate(Path.of("schemas/ceb/ceb-subset.xsd"), xml);
        List<Payment> back = CebPayments.fromCeb411(CebXml.read(xml, org.parkhub.customs.ceb.CEB411Message.class), ZONE);
        assertThat(back).usingRecursiveFieldByFieldElementComparatorIgnoringFields("payer.regNo").isEqualTo(payments);
        assertThat(CebDocuments.read(xml, ZONE).type()).isEqualTo(MessageType.PAYMENT);
    }

    @Test
    void waybillsRoundTripThroughCeb511() throws Exception {
        ParkFixtures fixtures = new ParkFixtures(602);
        List<Waybill> waybills = List.of(fixtures.transaction().waybill(), fixtures.transaction().waybill());
        String xml = CebXml.write(CebWaybills.toCeb511(waybills, TRANSFER, OffsetDateTime.now(), ZONE));
        XsdCheck.validate(Path.of("schemas/ceb/ceb-subset.xsd"), xml);
        List<Waybill> back = CebWaybills.fromCeb511(CebXml.read(xml, org.parkhub.customs.ceb.CEB511Message.class));
        // CEB511 has no consignee district
        assertThat(back).usingRecursiveFieldByFieldElementComparatorIgnoringFields("consignee.district").isEqualTo(waybills);
        assertThat(CebDocuments.read(xml, ZONE).type()).isEqualTo(MessageType.WAYBILL);
    }

    @Test
    void paymentAndWaybillReceiptsRoundTrip() throws Exception {
        Transaction t = new ParkFixtures(603).transaction();
        CustomsReceipt payment = CustomsReceipt.of("CEB412", "4CDE1CFD-EDED-46B1-946C-B8022E42FC94")
                .payment(t.payment().payCode(), t.payment().payTransactionId())
                .status(120, OffsetDateTime.parse("2026-11-26T10:15:30.123+08:00"), "accepted");
        String xml412 = CebXml.write(CebPayments.toCeb412(List.of(payment), ZONE));
        XsdCheck.validate(Path.of("schemas/ceb/ceb-subset.xsd"), xml412);
        assertThat(List.<Record>copyOf(CebDocuments.read(xml412, ZONE).payloads())).containsExactly(payment);

        CustomsReceipt waybill = CustomsReceipt.of("CEB512", "4CDE1CFD-EDED-46B1-946C-B8022E42FC95")
                .waybill(t.waybill().logisticsCode(), t.waybill().logisticsNo())
                .status(100, OffsetDateTime.parse("2026-11-26T10:15:31.456+08:00"), "rejected: weight missing");
        String xml512 = CebXml.write(CebWaybills.toCeb512(List.of(waybill), ZONE));
        XsdCheck.validate(Path.of("schemas/ceb/ceb-subset.xsd"), xml512);
        assertThat(List.<Record>copyOf(CebDocuments.read(xml512, ZONE).payloads())).containsExactly(waybill);
    }

    /** Mandatory when parkhub.ceb.official-xsd names the official import XSD (.ci/run sets it). */
    @Test
    void whatParkhubWritesValidatesAgainstTheOfficialXsd() throws Exception {
        Path official = XsdCheck.officialCebXsd();
        Transaction t = new ParkFixtures(604).transaction();
        XsdCheck.validate(official, CebXml.write(CebPayments.toCeb411(List.of(t.payment()), TRANSFER, OffsetDateTime.now(), ZONE)));
        XsdCheck.validate(official, CebXml.write(CebWaybills.toCeb511(List.of(t.waybill()), TRANSFER, OffsetDateTime.now(), ZONE)));
        CustomsReceipt receipt = CustomsReceipt.of("CEB412", "4CDE1CFD-EDED-46B1-946C-B8022E42FC94")
                .payment(t.payment().payCode(), t.payment().payTransactionId()).status(800, OffsetDateTime.now(), "ok");
        XsdCheck.validate(official, CebXml.write(CebPayments.toCeb412(List.of(receipt), ZONE)));
        CustomsReceipt logistics = CustomsReceipt.of("CEB512", "4CDE1CFD-EDED-46B1-946C-B8022E42FC94")
                .waybill(t.waybill().logisticsCode(), t.waybill().logisticsNo()).status(800, OffsetDateTime.now(), "ok");
        XsdCheck.validate(official, CebXml.write(CebWaybills.toCeb512(List.of(logistics), ZONE)));
    }
}
