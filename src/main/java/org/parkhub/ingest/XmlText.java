package org.parkhub.ingest;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.parkhub.model.HardenedXml;

/**
 * An XML document's bytes as text, in the encoding RFC 7303 (section 3) says decides: a byte order mark first,
 * then the charset the transport names (a Content-Type's {@code charset}), then the document's own XML
 * declaration ({@code encoding="GB2312"}), else UTF-8. Bytes that are not of that encoding are refused: decoding
 * them into replacement characters would journal something never sent.
 */
public final class XmlText {

    private static final XMLInputFactory DECLARATION = HardenedXml.inputFactory(HardenedXml.FIELD_TEXT);

    private XmlText() {
    }

    /** {@code transportCharset}: the charset the channel names for the bytes, if it names one. */
    public static String decode(byte[] bytes, Optional<String> transportCharset) throws MalformedInputException {
        Charset bom = bom(bytes);
        if (bom != null) {
            int skip = bom == StandardCharsets.UTF_8 ? 3 : 2;
            return decode(bytes, skip, bom, "its byte order mark");
        }
        if (transportCharset.isPresent()) {
            return decode(bytes, 0, charset(transportCharset.get(), "the Content-Type's charset"),
                    "the charset its Content-Type names");
        }
        Optional<String> declared = declaredEncoding(bytes);
        if (declared.isPresent()) {
            return decode(bytes, 0, charset(declared.get(), "the XML declaration's encoding"),
                    "the encoding its XML declaration names");
        }
        return decode(bytes, 0, StandardCharsets.UTF_8, "UTF-8 (it names no encoding)");
    }

    private static Charset bom(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    /** The {@code encoding} of the XML declaration, read by the XML reader itself (no DTDs, no entities). */
    private static Optional<String> declaredEncoding(byte[] bytes) throws MalformedInputException {
        try {
            XMLStreamReader reader = DECLARATION.createXMLStreamReader(new ByteArrayInputStream(bytes));
            try {
                return Optional.ofNullable(reader.getCharacterEncodingScheme());
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            throw new MalformedInputException("the XML declaration cannot be read: " + e.getMessage(), e);
        }
    }

    private static Charset charset(String name, String where) throws MalformedInputException {
        String label = name.strip().toLowerCase(Locale.ROOT);
        // GB2312 documents carry GBK characters in practice; the WHATWG Encoding Standard reads both labels as GBK
        if (label.equals("gb2312") || label.equals("gb_2312-80") || label.equals("csgb2312") || label.equals("x-gbk")) {
            label = "gbk";
        }
        try {
            return Charset.forName(label);
        } catch (IllegalArgumentException e) {
            throw new MalformedInputException(where + " '" + name + "' is not an encoding this hub reads", e);
        }
    }

    private static String decode(byte[] bytes, int offset, Charset charset, String why) throws MalformedInputException {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedInputException("the document is not valid " + charset.name() + " text, the encoding "
                    + why + " (" + e.getMessage() + "); send it in that encoding or name the one it is in", e);
        }
    }
}
