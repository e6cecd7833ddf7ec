package org.parkhub.customs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.parkhub.support.XsdCheck;

class DxpEnvelopeTest {

    static final DxpEnvelope.TransInfo INFO = new DxpEnvelope.TransInfo("PARKHUB-0001", "DXPENT0000000001",
            List.of("DXPEDCCEB0000002"), OffsetDateTime.parse("2026-11-26T10:15:30+08:00"), "CEB311Message");
    static final byte[] DOCUMENT = "<ceb:CEB311Message xmlns:ceb=\"http://www.chinaport.gov.cn/ceb\" guid=\"X\" version=\"1.0\"/>"
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void wrapsAndUnwrapsTheDocumentUnchanged() throws Exception {
        String envelope = DxpEnvelope.wrap(new DxpEnvelope.Message(INFO, DOCUMENT));
        assertThat(envelope).contains("<dxp:DxpMsg", "ver=\"1.0\"", "<dxp:MsgType>CEB311Message</dxp:MsgType>");
        DxpEnvelope.Message back = DxpEnvelope.unwrap(envelope);
        assertThat(back.transInfo()).isEqualTo(INFO);
        assertThat(back.data()).isEqualTo(DOCUMENT);
    }

    @Test
    void readsAnyPrefixAndWrappedBase64() throws Exception {
        String envelope = DxpEnvelope.wrap(new DxpEnvelope.Message(INFO, DOCUMENT)).replace("dxp:", "x:").replace("xmlns:dxp", "xmlns:x");
        String base64 = java.util.Base64.getMimeEncoder(20, "\r\n".getBytes()).encodeToString(DOCUMENT);
        envelope = envelope.replaceAll("<x:Data>[^<]*</x:Data>", "<x:Data>" + base64 + "</x:Data>");
        assertThat(DxpEnvelope.unwrap(envelope).data()).isEqualTo(DOCUMENT);
    }

    @Test
    void refusesWhatIsNotAnEnvelopeWithTheReason() {
        assertThatThrownBy(() -> DxpEnvelope.unwrap("<DxpMsg ver=\"1.0\"/>")).hasMessageContaining("no DxpMsg");
        assertThatThrownBy(() -> DxpEnvelope.unwrap(DxpEnvelope.wrap(new DxpEnvelope.Message(INFO, DOCUMENT))
                .replaceAll("<dxp:Data>[^<]*</dxp:Data>", ""))).hasMessageContaining("no Data");
        assertThatThrownBy(() -> DxpEnvelope.unwrap("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<dxp:DxpMsg xmlns:dxp=\"http://www.chinaport.gov.cn/dxp\">&e;</dxp:DxpMsg>"))
                .isInstanceOf(CustomsXmlException.class).hasMessageContaining("DOCTYPE");
        assertThatThrownBy(() -> new DxpEnvelope.TransInfo("A", "S", List.of("1", "2", "3", "4", "5", "6"),
                OffsetDateTime.now(), "CEB311Message")).hasMessageContaining("1 to 5 ReceiverIds");
    }

    /** Mandatory when parkhub.ceb.official-xsd names the official CEB XSD (.ci/run sets it): the DXP XSD is beside it. */
    @Test
    void validatesAgainstTheOfficialDxpSchema() throws Exception {
        Path dxpXsd = XsdCheck.officialCebXsd().resolveSibling("dxp-terminal-202205.xsd");
        assertThat(dxpXsd).exists();
        XsdCheck.validate(dxpXsd, DxpEnvelope.wrap(new DxpEnvelope.Message(INFO, DOCUMENT)));
    }
}
