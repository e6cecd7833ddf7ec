package org.parkhub.customs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.file.Path;
import java.security.Key;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;

import javax.xml.crypto.KeySelector;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parkhub.fixtures.ParkFixtures;
import org.parkhub.fixtures.RecordEdit;
import org.parkhub.fixtures.Transaction;
import org.parkhub.model.CustomsReceipt;
import org.parkhub.model.DocumentAction;
import org.parkhub.model.InventoryCancellation;
import org.parkhub.model.InventoryDeclaration;
import org.parkhub.model.InventoryRefund;
import org.parkhub.model.MessageType;
import org.parkhub.model.ShipmentEvent;
import org.parkhub.model.ShipmentStatus;
import org.parkhub.model.TaxBill;
import org.parkhub.model.WarehouseInList;
import org.parkhub.support.TestSigningKey;
import org.parkhub.support.XsdCheck;
import org.parkhub.validate.MessageValidator;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The customs declarations and answers beyond order, payment and waybill: CEB513/514, 621/622, 623/624,
 * 625/626, 711/712, 816, 818 and 900. Each round-trips on fixtures through the subset XSD and the hub's
 * reader; the signed declarations also validate against the official XSD and carry a verifiable signature.
 */
class CebDeclarationsTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Path SUBSET = Path.of("schemas/ceb/ceb-subset.xsd");
    static final CebTransfer TRANSFER = new CebTransfer("3702980AGT", "Demo Broker", "DXPENT0000000003");
    static final OffsetDateTime RETURNED = OffsetDateTime.parse("2026-11-26T10:15:30.123+08:00");
    static final MessageValidator VALIDATOR = new MessageValidator(Clock.systemUTC());

    @TempDir
    static Path keys;
    static CebSigner signer;

    @BeforeAll
    static void signingKey() throws Exception {
        signer = TestSigningKey.signer(keys);
    }

    final ParkFixtures fixtures = new ParkFixtures(701);
    final Transaction transaction = fixtures.transaction();
    final InventoryDeclaration declaration = fixtures.declaration(transaction);

    @Test
    void signForEventsRoundTripThroughCeb513() throws Exception {
        ShipmentEvent signed = transaction.events().stream().filter(e -> e.status() == ShipmentStatus.SIGNED).findFirst().orElseThrow();
        String xml = CebXml.write(CebShipments.toCeb513(List.of(signed), TRANSFER, OffsetDateTime.now(), ZONE));
        // customs knows the waybill, not the order, and no place: those stay with the carrier's own events
        ShipmentEvent expected = new ShipmentEvent(signed.logisticsCode(), signed.logisticsNo(), null, ShipmentStatus.SIGNED,
                null, signed.occurredAt(), null);
        assertRoundTrip(xml, MessageType.SHIPMENT_EVENT, expected);
    }

    @Test
    void onlySignForEventsGoToCustoms() {
        ShipmentEvent pickedUp = transaction.events().get(0);
        assertThatThrownBy(() -> CebShipments.toCeb513(List.of(pickedUp), TRANSFER, OffsetDateTime.now(), ZONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PICKED_UP");
        String other = CebXml.write(CebShipments.toCeb513(List.of(transaction.events().get(2)), TRANSFER,
                OffsetDateTime.now(), ZONE)).replace(">S<", ">D<");
        assertThatThrownBy(() -> CebDocuments.read(other, ZONE)).isInstanceOf(CustomsXmlException.class)
                .hasMessageContaining("logisticsStatus 'D'");
    }

    @Test
    void declarationsRoundTripThroughCeb621() throws Exception {
        InventoryDeclaration second = fixtures.declaration(fixtures.transaction());
        String xml = signer.sign(CebXml.write(CebInventories.toCeb621(List.of(declaration, second), TRANSFER,
                OffsetDateTime.now(), ZONE)));
        // CEB621 has no buyer registration number
        assertRoundTrip(xml, MessageType.INVENTORY_DECLARATION, withoutRegNo(declaration), withoutRegNo(second));
    }

    @Test
    void cancellationsAndReturnsRoundTripThroughCeb623AndCeb625() throws Exception {
        InventoryCancellation cancellation = fixtures.cancellation(declaration, "422720261000000001");
        assertRoundTrip(signer.sign(CebXml.write(CebWithdrawals.toCeb623(List.of(cancellation), TRANSFER,
                OffsetDateTime.now(), ZONE))), MessageType.INVENTORY_CANCELLATION, withoutRegNo(cancellation));
        InventoryRefund refund = fixtures.refund(declaration, "422720261000000001");
        assertRoundTrip(signer.sign(CebXml.write(CebWithdrawals.toCeb625(List.of(refund), TRANSFER,
                OffsetDateTime.now(), ZONE))), MessageType.INVENTORY_REFUND, withoutRegNo(refund));
    }

    @Test
    void warehouseInListsRoundTripThroughCeb711() throws Exception {
        WarehouseInList list = fixtures.warehouseInList(List.of(transaction.waybill(), fixtures.transaction().waybill()));
        assertRoundTrip(signer.sign(CebXml.write(CebWarehouseIn.toCeb711(list, TRANSFER, OffsetDateTime.now(), ZONE))),
                MessageType.WAREHOUSE_IN_LIST, list);
    }

    @Test
    void taxBillsRoundTripThroughCeb816() throws Exception {
        TaxBill bill = fixtures.taxBill(declaration, "422720261000000001");
        // CEB816 names the declaration, not the order
        TaxBill expected = new TaxBill(bill.guid(), bill.returnTime(), bill.invtNo(), bill.taxNo(), null, bill.customsCode(),
                bill.ebcCode(), bill.logisticsCode(), bill.agentCode(), bill.assureCode(), bill.entDutyNo(), bill.customsTax(),
                bill.valueAddedTax(), bill.consumptionTax(), bill.status(), bill.note(), bill.lines());
        assertRoundTrip(CebXml.write(CebTaxes.toCeb816(List.of(bill), ZONE)), MessageType.TAX_BILL, expected);
    }

    @Test
    void everyReceiptRoundTrips() throws Exception {
        for (CustomsReceipt receipt : receipts()) {
            String xml = switch (receipt.messageCode()) {
                case "CEB514" -> CebXml.write(CebShipments.toCeb514(List.of(receipt), ZONE));
                case "CEB622" -> CebXml.write(CebInventories.toCeb622(List.of(receipt), ZONE));
                case "CEB624" -> CebXml.write(CebWithdrawals.toCeb624(List.of(receipt), ZONE));
                case "CEB626" -> CebXml.write(CebWithdrawals.toCeb626(List.of(receipt), ZONE));
                case "CEB712" -> CebXml.write(CebWarehouseIn.toCeb712(List.of(receipt), ZONE));
                case "CEB818" -> CebXml.write(CebTaxes.toCeb818(List.of(receipt), ZONE));
                case "CEB900" -> CebXml.write(CebFormatErrors.toCeb900(receipt, ZONE));
                default -> throw new IllegalStateException(receipt.messageCode());
            };
            assertRoundTrip(xml, MessageType.CUSTOMS_RECEIPT, receipt);
        }
    }

    @Test
    void receiptsWithoutTheirKeysOrWithTheWrongKindOfStatusAreRejected() {
        CustomsReceipt noPreNo = CustomsReceipt.of("CEB622", "4CDE1CFD-EDED-46B1-946C-B8022E42FC94")
                .documents(declaration.copNo(), null, null).status(800, RETURNED, "released");
        assertThat(VALIDATOR.validate(noPreNo).errors()).anySatisfy(e -> assertThat(e.field()).isEqualTo("preNo"));
        CustomsReceipt taxStatus = CustomsReceipt.of("CEB818", "4CDE1CFD-EDED-46B1-946C-B8022E42FC94")
                .documents(null, null, "422720261000000001").tax("TAX1", null, null).status(800, RETURNED, null);
        assertThat(VALIDATOR.validate(taxStatus).errors()).anySatisfy(e -> assertThat(e.code()).isEqualTo("CODE_LIST"));
        CustomsReceipt positiveFormatError = CustomsReceipt.of("CEB900", "4CDE1CFD-EDED-46B1-946C-B8022E42FC94")
                .original("", "CEB311Message").status(1, RETURNED, "bad");
        assertThat(VALIDATOR.validate(positiveFormatError).errors()).anySatisfy(e -> assertThat(e.field()).isEqualTo("returnStatus"));
        CustomsReceipt noReason = CustomsReceipt.of("CEB514", "4CDE1CFD-EDED-46B1-946C-B8022E42FC94")
                .waybill(transaction.waybill().logisticsCode(), transaction.waybill().logisticsNo()).status(100, RETURNED, null);
        assertThat(VALIDATOR.validate(noReason).errors()).anySatisfy(e -> assertThat(e.field()).isEqualTo("returnInfo"));
    }

    @Test
    void theHubsFormatErrorAnswerNamesTheOriginal() throws Exception {
        String notCustoms = "<order>not customs</order>";
        String xml = CebXml.write(CebFormatErrors.answer(CebFormatErrors.messageTypeOf(notCustoms), "orders-1126.xml",
                "not a customs message", RETURNED, ZONE));
        XsdCheck.validate(SUBSET, xml);
        assertThat(xml).contains("<oriMessageType>Unknown<").contains("<oriCopMsgId>orders-1126.xml<");
        CustomsReceipt answer = (CustomsReceipt) CebDocuments.read(xml, ZONE).payloads().get(0);
        assertThat(answer.returnStatus()).isEqualTo(CebFormatErrors.FORMAT_ERROR);
        assertThat(answer.originalMessageId()).isEqualTo("orders-1126.xml");
        assertThat(VALIDATOR.validate(answer).errors()).isEmpty();
        String customs = "<x:CEB311Message xmlns:x=\"http://www.chinaport.gov.cn/ceb\"><broken/></x:CEB311Message>";
        assertThat(CebFormatErrors.messageTypeOf(customs)).isEqualTo("CEB311Message");
        assertThat(CebFormatErrors.messageTypeOf("<not-closed")).isEqualTo(CebFormatErrors.UNKNOWN_TYPE);
    }

    /** Mandatory when parkhub.ceb.official-xsd names the official import XSD (.ci/run sets it). */
    @Test
    void whatParkhubWritesValidatesAgainstTheOfficialXsd() throws Exception {
        Path official = XsdCheck.officialCebXsd();
        OffsetDateTime now = OffsetDateTime.now();
        ShipmentEvent signed = transaction.events().get(2);
        XsdCheck.validate(official, CebXml.write(CebShipments.toCeb513(List.of(signed), TRANSFER, now, ZONE)));
        XsdCheck.validate(official, CebXml.write(CebShipments.toCeb513(List.of(signed), TRANSFER, now,
                DocumentAction.CANCEL, ZONE)));
        XsdCheck.validate(official, signer.sign(CebXml.write(CebInventories.toCeb621(List.of(declaration), TRANSFER, now,
                DocumentAction.MODIFY, ZONE))));
        XsdCheck.validate(official, signer.sign(CebXml.write(CebInventories.toCeb621(List.of(declaration), TRANSFER, now, ZONE))));
        XsdCheck.validate(official, signer.sign(CebXml.write(CebWithdrawals.toCeb623(
                List.of(fixtures.cancellation(declaration, "422720261000000001")), TRANSFER, now, ZONE))));
        XsdCheck.validate(official, signer.sign(CebXml.write(CebWithdrawals.toCeb625(
                List.of(fixtures.refund(declaration, "422720261000000001")), TRANSFER, now, ZONE))));
        XsdCheck.validate(official, signer.sign(CebXml.write(CebWarehouseIn.toCeb711(
                fixtures.warehouseInList(List.of(transaction.waybill())), TRANSFER, now, ZONE))));
        XsdCheck.validate(official, CebXml.write(CebTaxes.toCeb816(List.of(fixtures.taxBill(declaration, "422720261000000001")), ZONE)));
        XsdCheck.validate(official, CebXml.write(CebShipments.toCeb514(List.of(receipt("CEB514")), ZONE)));
        XsdCheck.validate(official, CebXml.write(CebInventories.toCeb622(List.of(receipt("CEB622")), ZONE)));
        XsdCheck.validate(official, CebXml.write(CebWithdrawals.toCeb624(List.of(receipt("CEB624")), ZONE)));
        XsdCheck.validate(official, CebXml.write(CebWithdrawals.toCeb626(List.of(receipt("CEB626")), ZONE)));
        XsdCheck.validate(official, CebXml.write(CebWarehouseIn.toCeb712(List.of(receipt("CEB712")), ZONE)));
        XsdCheck.validate(official, CebXml.write(CebTaxes.toCeb818(List.of(receipt("CEB818")), ZONE)));
        XsdCheck.validate(official, CebXml.write(CebFormatErrors.toCeb900(receipt("CEB900"), ZONE)));
    }

    @Test
    void theSignatureCoversTheWholeMessage() throws Exception {
        String signed = signer.sign(CebXml.write(CebInventories.toCeb621(List.of(declaration), TRANSFER,
                OffsetDateTime.now(), ZONE)));
        assertThat(signatureValid(signed)).isTrue();
        String tampered = signed.replace(declaration.orderNo(), declaration.orderNo() + "X");
        assertThat(signatureValid(tampered)).isFalse();
    }

    private List<CustomsReceipt> receipts() {
        return List.of(receipt("CEB514"), receipt("CEB622"), receipt("CEB624"), receipt("CEB626"), receipt("CEB712"),
                receipt("CEB818"), receipt("CEB900"));
    }

    private CustomsReceipt receipt(String code) {
        String guid = "4CDE1CFD-EDED-46B1-946C-B8022E42FC9" + code.charAt(5);
        CustomsReceipt.Builder builder = CustomsReceipt.of(code, guid);
        return switch (code) {
            case "CEB514" -> builder.waybill(transaction.waybill().logisticsCode(), transaction.waybill().logisticsNo())
                    .status(120, RETURNED, "sign-for recorded");
            case "CEB622", "CEB624", "CEB626" -> builder.customsCode(declaration.customsCode())
                    .order(declaration.ebpCode(), declaration.ebcCode(), null).agentCode(declaration.agentCode())
                    .documents(declaration.copNo(), "E20261126000000001", "422720261000000001")
                    .status(code.equals("CEB622") ? 800 : 100, RETURNED, code.equals("CEB622") ? "released" : "rejected: goods already shipped");
            case "CEB712" -> builder.customsCode("4227").warehouseCode("QDBW01").documents("RKD000000000001", "E20261126000000002", null)
                    .rkdNo("422720261000000009").status(120, RETURNED, "parcels checked in");
            case "CEB818" -> builder.documents(null, null, "422720261000000001").tax("TAX422720261000000001", "DUTY-1", declaration.assureCode())
                    .status(2, RETURNED, null);
            case "CEB900" -> builder.original("COPMSG-0001", "CEB621Message").status(-1, RETURNED, "0001 the message does not match the schema");
            default -> throw new IllegalArgumentException(code);
        };
    }

    private static void assertRoundTrip(String xml, MessageType type, Record... expected) throws Exception {
        XsdCheck.validate(SUBSET, xml);
        CebDocuments.Content content = CebDocuments.read(xml, ZONE);
        assertThat(content.type()).isEqualTo(type);
        assertThat(List.<Record>copyOf(content.payloads())).containsExactly(expected);
        for (Record payload : content.payloads()) {
            assertThat(VALIDATOR.validate(payload).errors()).as("%s validates", payload).isEmpty();
        }
    }

    private static <R extends Record> R withoutRegNo(R payload) {
        return RecordEdit.with(payload, "buyer.regNo", null);
    }

    private static boolean signatureValid(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        NodeList signatures = document.getElementsByTagNameNS(XMLSignature.XMLNS, "Signature");
        assertThat(signatures.getLength()).isEqualTo(1);
        Element root = document.getDocumentElement();
        assertThat(signatures.item(0).getParentNode()).isEqualTo(root);
        DOMValidateContext context = new DOMValidateContext(KeySelector.singletonKeySelector(certificate(signatures)),
                signatures.item(0));
        // the e-port's algorithm, RSA-SHA1, is outside the JDK's secure-validation policy
        context.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.FALSE);
        return XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(context).validate(context);
    }

    private static Key certificate(NodeList signatures) throws Exception {
        Element signature = (Element) signatures.item(0);
        Element der = (Element) signature.getElementsByTagNameNS(XMLSignature.XMLNS, "X509Certificate").item(0);
        byte[] bytes = Base64.getMimeDecoder().decode(der.getTextContent());
        X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(bytes));
        return certificate.getPublicKey();
    }
}
