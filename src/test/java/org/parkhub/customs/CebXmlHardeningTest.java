package org.parkhub.customs;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** Hostile customs XML is refused with a clear error, whichever CEB message it claims to be. */
class CebXmlHardeningTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String NS = "xmlns=\"http://www.chinaport.gov.cn/ceb\"";

    @Test
    void externalEntitiesAreRefused() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE CEB311Message [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<CEB311Message " + NS + " guid=\"&x;\" version=\"1.0\"/>";
        assertThatThrownBy(() -> CebDocuments.read(xxe, ZONE)).isInstanceOf(CustomsXmlException.class)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void entityExpansionIsRefused() {
        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE CEB311Message [<!ENTITY l0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            laughs.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        laughs.append("]><CEB311Message ").append(NS).append(" guid=\"&l9;\" version=\"1.0\"/>");
        assertThatThrownBy(() -> CebDocuments.read(laughs.toString(), ZONE)).isInstanceOf(CustomsXmlException.class)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void attributeFloodsAreRefused() {
        StringBuilder flood = new StringBuilder("<CEB311Message ").append(NS);
        for (int i = 0; i < 10_000; i++) {
            flood.append(" a").append(i).append("=\"x\"");
        }
        flood.append("/>");
        assertThatThrownBy(() -> CebDocuments.read(flood.toString(), ZONE)).isInstanceOf(CustomsXmlException.class)
                .hasMessageContaining("Attribute limit");
    }

    @Test
    void deepNestingIsRefused() {
        String deep = "<CEB311Message " + NS + ">" + "<Order>".repeat(200) + "</Order>".repeat(200) + "</CEB311Message>";
        // the schema complains of the second level of Order; the reader's depth limit (64) stops the rest
        assertThatThrownBy(() -> CebDocuments.read(deep, ZONE)).isInstanceOf(CustomsXmlException.class)
                .hasMessageContaining("/CEB311Message/Order/Order: cvc-complex-type")
                .hasMessageContaining("Maximum Element Depth limit (64) Exceeded");
    }

    @Test
    void oversizedDocumentsAreRefusedBeforeTheyAreParsed() {
        String huge = "<CEB311Message " + NS + "><!--" + "x".repeat(CebXml.MAX_DOCUMENT_CHARS) + "--></CEB311Message>";
        assertThatThrownBy(() -> CebDocuments.read(huge, ZONE)).isInstanceOf(CustomsXmlException.class)
                .hasMessageContaining("at most " + CebXml.MAX_DOCUMENT_CHARS + " characters");
    }

    @Test
    void hugeTextNodesAreRefused() {
        String text = "<CEB311Message " + NS + " guid=\"" + "0".repeat(36) + "\" version=\"1.0\"><Order><OrderHead><note>"
                + "x".repeat(2 * 1024 * 1024) + "</note></OrderHead></Order></CEB311Message>";
        // the schema complains of a note before the head's required fields; the reader's text limit stops the rest
        assertThatThrownBy(() -> CebDocuments.read(text, ZONE)).isInstanceOf(CustomsXmlException.class)
                .hasMessageContaining("/CEB311Message/Order/OrderHead/note: cvc-complex-type.2.4.a")
                .hasMessageContaining("Text size limit");
    }

    @Test
    void aMessageInAnotherNamespaceIsNotACustomsMessage() {
        assertThatThrownBy(() -> CebDocuments.read("<CEB311Message xmlns=\"urn:other\" guid=\"x\" version=\"1.0\"/>", ZONE))
                .isInstanceOf(CustomsXmlException.class).hasMessageContaining("not a customs message");
    }
}
