package org.parkhub.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.parkhub.fixtures.ParkFixtures;
import org.parkhub.fixtures.RecordEdit;
import org.parkhub.fixtures.Transaction;

/** A payload as a document: its identity and whether two writings of it mean the same content. */
class DocumentsTest {

    private final ParkFixtures fixtures = new ParkFixtures(41);
    private final Transaction t = fixtures.transaction();

    @Test
    void everyTypeDeclaresAnIdentityOfItsOwnScalarFields() {
        for (MessageType type : MessageType.values()) {
            assertThat(Documents.identityFields(type)).as(type.path()).isNotEmpty()
                    .allSatisfy(field -> assertThat(PayloadFields.isScalar(type.payloadClass(), field))
                            .as(type.path() + "." + field).isTrue());
        }
    }

    @Test
    void theReadmeListsEachTypesIdentity() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        for (MessageType type : MessageType.values()) {
            assertThat(readme).contains("| `" + type.path() + "` | " + String.join(" + ",
                    Documents.identityFields(type).stream().map(field -> "`" + field + "`").toList()) + " |");
        }
    }

    @Test
    void theIdentityJoinsTheDeclaredFieldsInOrder() {
        assertThat(Documents.identity(t.order())).isEqualTo(t.order().ebpCode() + ":" + t.order().orderNo());
        assertThat(Documents.identity(t.payment()))
                .isEqualTo(t.payment().payCode() + ":" + t.payment().payTransactionId());
        ShipmentEvent event = t.events().get(0);
        assertThat(Documents.identity(event)).isEqualTo(event.logisticsCode() + ":" + event.logisticsNo() + ":"
                + event.status().name() + ":" + event.occurredAt().toInstant());
        // an optional field left out counts as empty
        StockMovement movement = RecordEdit.with(fixtures.stockReceipt(fixtures.product(), 5), "reference", null);
        assertThat(Documents.identity(movement)).isEqualTo(movement.warehouseCode() + "::" + movement.sku() + ":"
                + movement.batchNo() + ":" + movement.kind().name());
    }

    @Test
    void theIdentityIgnoresHowItsValuesWereWritten() {
        Order spaced = RecordEdit.with(t.order(), "orderNo", "  " + t.order().orderNo() + " ");
        assertThat(Documents.identity(spaced)).isEqualTo(Documents.identity(t.order()));
        ShipmentEvent event = t.events().get(0);
        ShipmentEvent otherOffset = RecordEdit.with(event, "occurredAt",
                event.occurredAt().withOffsetSameInstant(ZoneOffset.UTC).toString());
        assertThat(Documents.identity(otherOffset)).isEqualTo(Documents.identity(event));
    }

    @Test
    void sameContentWrittenOtherwiseHasTheSameDigest() {
        String digest = Documents.contentDigest(t.order());
        assertThat(Documents.contentDigest(RecordEdit.with(t.order(), "freight",
                t.order().freight().setScale(4).toPlainString()))).as("trailing zeros").isEqualTo(digest);
        assertThat(Documents.contentDigest(RecordEdit.with(t.order(), "consignee.address",
                " " + t.order().consignee().address().replace(" ", "   ") + " "))).as("blanks").isEqualTo(digest);
        String fullWidth = t.order().orderNo().chars().mapToObj(c -> c >= '!' && c <= '~'
                ? String.valueOf((char) (c + 0xFEE0)) : String.valueOf((char) c)).reduce("", String::concat);
        assertThat(Documents.contentDigest(RecordEdit.with(t.order(), "orderNo", fullWidth)))
                .as("full-width").isEqualTo(digest);
        assertThat(Documents.contentDigest(RecordEdit.with(t.order(), "note", ""))).as("empty is absent")
                .isEqualTo(Documents.contentDigest(RecordEdit.with(t.order(), "note", null)));
    }

    @Test
    void otherContentHasAnotherDigest() {
        String digest = Documents.contentDigest(t.order());
        assertThat(Documents.contentDigest(RecordEdit.with(t.order(), "freight",
                t.order().freight().add(java.math.BigDecimal.ONE).toPlainString()))).isNotEqualTo(digest);
        assertThat(Documents.contentDigest(RecordEdit.with(t.order(), "lines[0].qty", "99"))).isNotEqualTo(digest);
        // codes keep their leading zeros
        assertThat(Documents.contentDigest(RecordEdit.with(t.order(), "orderNo", "0012")))
                .isNotEqualTo(Documents.contentDigest(RecordEdit.with(t.order(), "orderNo", "12")));
    }
}
