package org.parkhub.customs;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.Unmarshaller;
import org.parkhub.customs.ceb.ObjectFactory;
import org.parkhub.model.HardenedXml;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads and writes customs messages with the JAXB classes generated from schemas/ceb: namespace-aware
 * (any prefix, or none), no DTDs, no external entities.
 */
public final class CebXml {

    public static final String NAMESPACE = "http://www.chinaport.gov.cn/ceb";
    /** The longest customs document read: 100 messages of 99 lines each fit several times over. */
    public static final int MAX_DOCUMENT_CHARS = 10 * 1024 * 1024;
    private static final JAXBContext CONTEXT = context();
    /** Documents read are checked against parkhub's CEB subset: JAXB alone skips unknown elements and bad values. */
    private static final Schema SCHEMA = schema();
    private static final XMLInputFactory FACTORY = HardenedXml.inputFactory(HardenedXml.FIELD_TEXT);
    /** Complaints named in one answer: enough to mend a document, short enough to read. */
    private static final int MAX_PROBLEMS = 20;

    private CebXml() {
    }

    public static String write(Object message) {
        try {
            Marshaller marshaller = CONTEXT.createMarshaller();
            marshaller.setProperty(Marshaller.JAXB_ENCODING, "UTF-8");
            marshaller.setProperty(Marshaller.JAXB_FORMATTED_OUTPUT, Boolean.TRUE);
            StringWriter out = new StringWriter();
            marshaller.marshal(message, out);
            return out.toString();
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot write " + message.getClass().getSimpleName(), e);
        }
    }

    /** The local name of the document's root element, e.g. {@code CEB311Message}. */
    public static String rootName(String xml) throws CustomsXmlException {
        checkLength(xml);
        try {
            XMLStreamReader reader = FACTORY.createXMLStreamReader(new StringReader(xml));
            while (reader.next() != XMLStreamConstants.START_ELEMENT) {
                if (reader.getEventType() == XMLStreamConstants.DTD) {
                    throw new CustomsXmlException("DOCTYPE declarations are not accepted");
                }
            }
            return reader.getLocalName();
        } catch (XMLStreamException e) {
            throw new CustomsXmlException("the customs message cannot be read: " + e.getMessage(), e);
        }
    }

    public static <T> T read(String xml, Class<T> type) throws CustomsXmlException {
        checkLength(xml);
        // every schema complaint, each at the element it is about, so that the sender can mend all at once
        List<String> problems = new ArrayList<>();
        try {
            ElementPath reader = new ElementPath(FACTORY.createXMLStreamReader(new StringReader(xml)));
            while (reader.next() != XMLStreamConstants.START_ELEMENT) {
                if (reader.getEventType() == XMLStreamConstants.DTD) {
                    throw new CustomsXmlException("DOCTYPE declarations are not accepted");
                }
            }
            String root = reader.getLocalName();
            if (!NAMESPACE.equals(reader.getNamespaceURI())) {
                throw new CustomsXmlException("not a customs message: " + root + " is not in " + NAMESPACE);
            }
            if (!root.equals(type.getSimpleName())) {
                throw new CustomsXmlException("expected " + type.getSimpleName() + ", got " + root);
            }
            Unmarshaller unmarshaller = CONTEXT.createUnmarshaller();
            unmarshaller.setSchema(SCHEMA);
            unmarshaller.setEventHandler(event -> {
                problems.add(reader.path() + ": " + shorten(event.getMessage()));
                // JAXB calls schema complaints fatal; reading on finds the rest (up to a limit: the document
                // may be hostile), and the document is refused below
                return problems.size() < MAX_PROBLEMS;
            });
            Object message = unmarshaller.unmarshal(reader);
            if (!problems.isEmpty()) {
                throw new CustomsXmlException(String.join("; ", problems));
            }
            return type.cast(message);
        } catch (XMLStreamException e) {
            throw new CustomsXmlException(unreadable(problems, e.getMessage()), e);
        } catch (JAXBException e) {
            // the reader's own complaint (a limit, a broken tag) is what the sender needs
            Throwable cause = e.getLinkedException() != null ? e.getLinkedException() : e;
            String where = cause instanceof SAXParseException at && at.getLineNumber() > 0
                    ? " (line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ")" : "";
            throw new CustomsXmlException(problems.size() >= MAX_PROBLEMS ? String.join("; ", problems)
                    : unreadable(problems, cause.getMessage() + where), e);
        }
    }

    private static String unreadable(List<String> problems, String reason) {
        String found = problems.isEmpty() ? "" : String.join("; ", problems) + "; then ";
        return found + "the customs message cannot be read: " + reason;
    }

    /** A value quoted in a complaint may be long: the start of it is enough to find it. */
    private static String shorten(String message) {
        return message.length() <= 300 ? message : message.substring(0, 297) + "...";
    }

    private static void checkLength(String xml) throws CustomsXmlException {
        if (xml.length() > MAX_DOCUMENT_CHARS) {
            throw new CustomsXmlException("a customs document is at most " + MAX_DOCUMENT_CHARS + " characters; this one has "
                    + xml.length());
        }
    }

    private static Schema schema() {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newSchema(Objects.requireNonNull(CebXml.class.getResource("/ceb/ceb-subset.xsd"),
                    "ceb/ceb-subset.xsd is not on the class path"));
        } catch (SAXException e) {
            throw new IllegalStateException("the CEB subset schema cannot be read", e);
        }
    }

    private static JAXBContext context() {
        try {
            return JAXBContext.newInstance(ObjectFactory.class);
        } catch (JAXBException e) {
            throw new IllegalStateException("JAXB classes of the CEB subset are missing", e);
        }
    }
}
