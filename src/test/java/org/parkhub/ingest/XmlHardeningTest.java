package org.parkhub.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.parkhub.fixtures.ParkFixtures;
import org.parkhub.model.CanonicalMapper;
import org.parkhub.model.MessageType;

/** Hostile XML is refused with a clear error before it can do harm; ordinary canonical XML still reads. */
class XmlHardeningTest {

    @Test
    void ordinaryCanonicalXmlReads() throws Exception {
        String xml = CanonicalMapper.xml().writeValueAsString(new ParkFixtures(1).transaction().order());
        List<ParsedItem> items = PayloadReader.xml(xml, MessageType.ORDER);
        assertThat(items.get(0).payload()).isNotNull();
    }

    @Test
    void externalEntitiesAreRefused() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE order [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<order><orderNo>&x;</orderNo></order>";
        assertThatThrownBy(() -> PayloadReader.xml(xxe, MessageType.ORDER))
                .isInstanceOf(MalformedInputException.class).hasMessageContaining("DOCTYPE");
    }

    @Test
    void entityExpansionIsRefused() {
        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE order [<!ENTITY l0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            laughs.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        laughs.append("]><order><orderNo>&l9;</orderNo></order>");
        assertThatThrownBy(() -> PayloadReader.xml(laughs.toString(), MessageType.ORDER))
                .isInstanceOf(MalformedInputException.class).hasMessageContaining("DOCTYPE");
    }

    @Test
    void undeclaredEntitiesWithoutADoctypeAreRefused() {
        assertThatThrownBy(() -> PayloadReader.xml("<order><orderNo>&boom;</orderNo></order>", MessageType.ORDER))
                .isInstanceOf(MalformedInputException.class);
    }

    @Test
    void attributeFloodsAreRefused() {
        StringBuilder flood = new StringBuilder("<order");
        for (int i = 0; i < 10_000; i++) {
            flood.append(" a").append(i).append("=\"x\"");
        }
        flood.append("><orderNo>1</orderNo></order>");
        assertThatThrownBy(() -> PayloadReader.xml(flood.toString(), MessageType.ORDER))
                .isInstanceOf(MalformedInputException.class).hasMessageContaining("Attribute limit");
    }

    @Test
    void deepNestingIsRefused() {
        String deep = "<order><note>" + "<x>".repeat(1000) + "</x>".repeat(1000) + "</note></order>";
        List<ParsedItem> items;
        try {
            items = PayloadReader.xml(deep, MessageType.ORDER);
        } catch (MalformedInputException e) {
            return; // refused while reading: fine
        }
        assertThat(items.get(0).payload()).as("refused, not read").isNull();
        assertThat(items.get(0).errors().get(0).message()).containsIgnoringCase("depth");
    }
}
