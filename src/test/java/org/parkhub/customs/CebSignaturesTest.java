package org.parkhub.customs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parkhub.customs.CebSignatures.Status;
import org.parkhub.fixtures.ParkFixtures;
import org.parkhub.model.InventoryDeclaration;
import org.parkhub.support.TestSigningKey;

/** A signature is checked for what it proves: the document unchanged since the certificate's holder signed it. */
class CebSignaturesTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @TempDir
    static Path keys;
    static CebSigner signer;

    @BeforeAll
    static void signingKey() throws Exception {
        signer = TestSigningKey.signer(keys);
    }

    final ParkFixtures fixtures = new ParkFixtures(711);
    final InventoryDeclaration declaration = fixtures.declaration(fixtures.transaction());
    final String unsigned = CebXml.write(CebInventories.toCeb621(List.of(declaration),
            new CebTransfer("3702980AGT", "Demo Broker", "DXPENT0000000003"), OffsetDateTime.now(), ZONE));

    @Test
    void aSignedDocumentVerifiesAndNamesItsSigner() throws Exception {
        CebSignatures.Verdict verdict = CebSignatures.verify(signer.sign(unsigned));
        assertThat(verdict.status()).isEqualTo(Status.VALID);
        assertThat(verdict.reason()).contains("CN=parkhub test declarant");
    }

    @Test
    void anUnsignedDocumentHasNone() {
        assertThat(CebSignatures.verify(unsigned).status()).isEqualTo(Status.NONE);
    }

    @Test
    void aDocumentChangedAfterSigningDoesNotVerify() throws Exception {
        String signed = signer.sign(unsigned);
        String changed = signed.replace(declaration.orderNo(), declaration.orderNo() + "9");
        assertThat(changed).isNotEqualTo(signed);
        CebSignatures.Verdict verdict = CebSignatures.verify(changed);
        assertThat(verdict.status()).isEqualTo(Status.INVALID);
        assertThat(verdict.reason()).contains("changed after it was signed");
    }

    @Test
    void aSignatureValueThatIsNotTheKeysDoesNotVerify() throws Exception {
        String signed = signer.sign(unsigned);
        int at = signed.indexOf("SignatureValue>") + "SignatureValue>".length();
        char first = signed.charAt(at);
        String forged = signed.substring(0, at) + (first == 'A' ? 'B' : 'A') + signed.substring(at + 1);
        assertThat(CebSignatures.verify(forged).reason()).contains("does not match the key");
    }

    @Test
    void shapesCustomsDoesNotUseAreRefusedUnread() throws Exception {
        String signed = signer.sign(unsigned);
        assertThat(CebSignatures.verify(signed.replace("URI=\"\"", "URI=\"http://127.0.0.1:1/elsewhere\"")).reason())
                .contains("whole document");
        assertThat(CebSignatures.verify(signed.replace("http://www.w3.org/2000/09/xmldsig#rsa-sha1",
                "http://www.w3.org/2000/09/xmldsig#sm2-sm3")).reason()).contains("cannot check");
        int signature = signed.indexOf("<ds:Signature");
        String twice = signed.replace("</ds:Signature>", "</ds:Signature>" + signed.substring(signature,
                signed.indexOf("</ds:Signature>") + "</ds:Signature>".length()));
        assertThat(CebSignatures.verify(twice).reason()).contains("2 signatures");
    }
}
