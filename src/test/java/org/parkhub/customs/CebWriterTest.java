package org.parkhub.customs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.parkhub.fixtures.ParkFixtures;
import org.parkhub.fixtures.Transaction;
import org.parkhub.model.Canonical;
import org.parkhub.model.Channel;
import org.parkhub.model.CorrelationKeys;
import org.parkhub.model.DocumentAction;
import org.parkhub.model.Envelope;
import org.parkhub.model.InventoryDeclaration;
import org.parkhub.model.MessageType;
import org.parkhub.support.XsdCheck;


/** Every journaled message with a customs form is written as that customs message, and reads back as itself. */
class CebWriterTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Path SUBSET = Path.of("schemas/ceb/ceb-subset.xsd");
    static final CebTransfer TRANSFER = new CebTransfer("3301960ABC", "Demo Platform", "DXPENT0000000001");

    @Test
    void eachMessageBecomesTheCustomsMessageOfItsType() throws Exception {
        ParkFixtures fixtures = new ParkFixtures(921);
        Transaction t = fixtures.transaction();
        InventoryDeclaration declaration = fixtures.declaration(t);
        List<Record> payloads = new ArrayList<>(documentsWithAnAppType(fixtures, t, declaration));
        payloads.add(fixtures.taxBill(declaration, "422720261000000001"));
        payloads.add(fixtures.orderReceipt(t.order(), 120));
        List<String> codes = List.of("CEB311", "CEB411", "CEB511", "CEB513", "CEB621", "CEB623", "CEB625", "CEB711",
                "CEB816", "CEB312");
        for (int i = 0; i < payloads.size(); i++) {
            String xml = CebWriter.write(envelope(payloads.get(i)), TRANSFER, ZONE).orElseThrow();
            CebDocuments.Content content = CebDocuments.read(xml, ZONE);
            assertThat(content.messageCode()).isEqualTo(codes.get(i));
            assertThat(content.type()).isEqualTo(MessageType.of(payloads.get(i)));
        }
    }

    /** appType 1 new, 2 modify, 3 delete: written from what the message does to its document, and read back. */
    @Test
    void aRevisionIsWrittenWithAppTypeTwoAndACancellationWithThreeAndBothReadBack() throws Exception {
        ParkFixtures fixtures = new ParkFixtures(923);
        Transaction t = fixtures.transaction();
        for (Record payload : documentsWithAnAppType(fixtures, t, fixtures.declaration(t))) {
            for (DocumentAction action : DocumentAction.values()) {
                String xml = CebWriter.write(envelope(payload, action), TRANSFER, ZONE).orElseThrow();
                assertThat(xml).contains("appType>" + action.appType() + "<");
                assertThat(CebDocuments.read(xml, ZONE).actions()).containsExactly(action);
                XsdCheck.validate(SUBSET, xml);
            }
        }
    }

    @Test
    void anAppTypeOtherThanOneTwoOrThreeIsAnError() {
        Transaction t = new ParkFixtures(924).transaction();
        String xml = CebWriter.write(envelope(t.order()), TRANSFER, ZONE).orElseThrow().replace("appType>1<", "appType>9<");
        assertThatThrownBy(() -> CebDocuments.read(xml, ZONE)).isInstanceOf(CustomsXmlException.class)
                .hasMessageContaining("appType '9' of business node 1 is not 1 (new), 2 (modify) or 3 (delete)");
    }

    @Test
    void productsStockAndOrdinaryTrackingHaveNoCustomsForm() {
        ParkFixtures fixtures = new ParkFixtures(922);
        Transaction t = fixtures.transaction();
        assertThat(CebWriter.write(envelope(fixtures.product()), TRANSFER, ZONE)).isEmpty();
        assertThat(CebWriter.write(envelope(fixtures.stockReceipt(fixtures.product(), 3)), TRANSFER, ZONE)).isEmpty();
        assertThat(CebWriter.write(envelope(t.events().get(0)), TRANSFER, ZONE)).isEmpty();
    }

    /** One document of each customs message whose head says what it does to its document (appType). */
    private static List<Record> documentsWithAnAppType(ParkFixtures fixtures, Transaction t, InventoryDeclaration d) {
        return List.of(t.order(), t.payment(), t.waybill(), t.events().get(2), d,
                fixtures.cancellation(d, "422720261000000001"), fixtures.refund(d, "422720261000000001"),
                fixtures.warehouseInList(List.of(t.waybill())));
    }

    private static Envelope envelope(Record payload) {
        return envelope(payload, DocumentAction.NEW);
    }

    private static Envelope envelope(Record payload, DocumentAction action) {
        int revision = action == DocumentAction.NEW ? 1 : 2;
        return new Envelope(UUID.randomUUID().toString(), MessageType.of(payload), Canonical.SCHEMA_VERSION, "PLAT-01",
                OffsetDateTime.now(), Channel.REST, "test", CorrelationKeys.of(payload), revision,
                revision == 1 ? null : UUID.randomUUID().toString(), action, payload);
    }
}
