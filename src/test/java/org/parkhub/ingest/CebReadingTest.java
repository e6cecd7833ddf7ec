package org.parkhub.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parkhub.customs.CebInventories;
import org.parkhub.customs.CebSigner;
import org.parkhub.customs.CebTransfer;
import org.parkhub.customs.CebXml;
import org.parkhub.customs.CustomsXmlException;
import org.parkhub.fixtures.ParkFixtures;
import org.parkhub.model.DocumentAction;
import org.parkhub.model.InventoryDeclaration;
import org.parkhub.support.TestSigningKey;

/** A customs document read as every channel reads it: items with their actions, the signature checked and kept. */
class CebReadingTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @TempDir
    static Path keys;
    static CebSigner signer;

    @BeforeAll
    static void signingKey() throws Exception {
        signer = TestSigningKey.signer(keys);
    }

    final ParkFixtures fixtures = new ParkFixtures(712);
    final InventoryDeclaration declaration = fixtures.declaration(fixtures.transaction());
    final String unsigned = CebXml.write(CebInventories.toCeb621(List.of(declaration),
            new CebTransfer("3702980AGT", "Demo Broker", "DXPENT0000000003"), OffsetDateTime.now(),
            DocumentAction.MODIFY, ZONE));

    @Test
    void anUnsignedDocumentIsItsItemsAlone() throws Exception {
        CebReading.Read read = new CebReading(ZONE, true).read(unsigned);
        assertThat(read.items()).extracting(ParsedItem::action).containsExactly(DocumentAction.MODIFY);
        assertThat(read.signed()).isEmpty();
        assertThat(MessageIntake.signatureWarning(read.signed())).isEmpty();
    }

    @Test
    void aSignedDocumentIsKeptWithItsVerdict() throws Exception {
        String signed = signer.sign(unsigned);
        CebReading.Read read = new CebReading(ZONE, true).read(signed);
        assertThat(read.signed()).hasValueSatisfying(d -> {
            assertThat(d.signature()).isEqualTo("VALID");
            assertThat(d.document()).isEqualTo(signed);
            assertThat(d.sha256()).hasSize(64);
        });
        assertThat(MessageIntake.signatureWarning(read.signed())).isEmpty();
    }

    @Test
    void aSignatureThatDoesNotVerifyIsAWarningUnlessTheParkAsksForVerifiedSignatures() throws Exception {
        String changed = signer.sign(unsigned).replace(declaration.copNo(), declaration.copNo() + "X");

        CebReading.Read taken = new CebReading(ZONE, false).read(changed);
        assertThat(taken.signed()).hasValueSatisfying(d -> assertThat(d.signature()).isEqualTo("INVALID"));
        assertThat(MessageIntake.signatureWarning(taken.signed())).hasValueSatisfying(w -> {
            assertThat(w.code()).isEqualTo("SIGNATURE_INVALID");
            assertThat(w.message()).contains("changed after it was signed");
        });

        assertThatThrownBy(() -> new CebReading(ZONE, true).read(changed)).isInstanceOf(CustomsXmlException.class)
                .hasMessageContaining("signature does not verify").hasMessageContaining("changed after it was signed");
    }
}
