package org.parkhub.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** RFC 7303's order: byte order mark, then the transport's charset, then the XML declaration, then UTF-8. */
class XmlTextTest {

    static final Charset GBK = Charset.forName("GBK");
    static final Charset GB18030 = Charset.forName("GB18030");

    static String document(String encoding, String text) {
        return "<?xml version=\"1.0\" encoding=\"" + encoding + "\"?><note>" + text + "</note>";
    }

    @Test
    void theXmlDeclarationDecidesWhenTheTransportNamesNoCharset() throws Exception {
        for (String name : new String[] {"GBK", "gbk", "GB18030", "UTF-8"}) {
            String xml = document(name, "保税仓库");
            assertThat(XmlText.decode(xml.getBytes(Charset.forName(name)), Optional.empty())).as(name).isEqualTo(xml);
        }
    }

    @Test
    void gb2312IsReadAsGbkItsSupersetAsDocumentsLabelledGb2312CarryGbkCharacters() throws Exception {
        // 镕 is in GBK, not in GB2312: real documents labelled gb2312 carry such names
        String xml = document("gb2312", "朱镕");
        assertThat(XmlText.decode(xml.getBytes(GBK), Optional.empty())).isEqualTo(xml);
    }

    @Test
    void gb18030ReadsCharactersBeyondGbk() throws Exception {
        String xml = document("GB18030", "\uD840\uDC00 €");
        assertThat(XmlText.decode(xml.getBytes(GB18030), Optional.empty())).isEqualTo(xml);
    }

    @Test
    void theTransportsCharsetWinsOverTheDeclaration() throws Exception {
        String xml = document("UTF-8", "报关");
        assertThat(XmlText.decode(xml.getBytes(GBK), Optional.of("GBK"))).isEqualTo(xml);
    }

    @Test
    void aByteOrderMarkWinsOverEverythingAndIsNotPartOfTheText() throws Exception {
        String xml = document("GBK", "报关");
        byte[] utf8 = xml.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[utf8.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, withBom, 3, utf8.length);
        assertThat(XmlText.decode(withBom, Optional.of("GBK"))).isEqualTo(xml);

        byte[] utf16 = ("\uFEFF" + document("UTF-16", "报关")).getBytes(StandardCharsets.UTF_16LE);
        assertThat(XmlText.decode(utf16, Optional.empty())).isEqualTo(document("UTF-16", "报关"));
    }

    @Test
    void withNoWordOnTheEncodingItIsUtf8() throws Exception {
        String xml = "<note>报关</note>";
        assertThat(XmlText.decode(xml.getBytes(StandardCharsets.UTF_8), Optional.empty())).isEqualTo(xml);
    }

    @Test
    void bytesNotInTheEncodingThatDecidesAreRefusedNamingWhy() {
        byte[] gbk = "<note>报关</note>".getBytes(GBK);
        assertThatThrownBy(() -> XmlText.decode(gbk, Optional.empty())).isInstanceOf(MalformedInputException.class)
                .hasMessageContaining("not valid UTF-8 text").hasMessageContaining("it names no encoding");
        byte[] declaredUtf8 = document("UTF-8", "报关").getBytes(GBK);
        assertThatThrownBy(() -> XmlText.decode(declaredUtf8, Optional.empty()))
                .hasMessageContaining("the encoding its XML declaration names");
    }

    @Test
    void anEncodingTheHubDoesNotKnowIsNamed() {
        byte[] xml = "<note/>".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> XmlText.decode(xml, Optional.of("x-klingon")))
                .isInstanceOf(MalformedInputException.class).hasMessageContaining("'x-klingon' is not an encoding");
    }
}
