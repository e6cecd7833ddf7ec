package org.parkhub.model;

import java.io.IOException;
import java.io.StringReader;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLInputFactory;

import com.ctc.wstx.api.WstxInputProperties;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The one way the hub reads XML from outside: namespace-aware, no DTDs, no external entities (no message it
 * takes needs them and they are an attack path), and limits that stop floods: attributes per element,
 * nesting depth, attribute and text sizes. A document breaking a limit fails to read with a message naming it.
 */
public final class HardenedXml {

    /** Text of one element: plenty for any field, stops a single huge text node. */
    public static final int FIELD_TEXT = 1024 * 1024;

    private HardenedXml() {
    }

    /** A new factory (they are cheap, and callers may cache one: a configured factory is thread-safe). */
    public static XMLInputFactory inputFactory(int maxTextLength) {
        XMLInputFactory input = XMLInputFactory.newFactory();
        input.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, Boolean.TRUE);
        input.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        input.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        input.setProperty(WstxInputProperties.P_MAX_ATTRIBUTES_PER_ELEMENT, 64);
        input.setProperty(WstxInputProperties.P_MAX_ELEMENT_DEPTH, 64);
        input.setProperty(WstxInputProperties.P_MAX_ATTRIBUTE_SIZE, 64 * 1024);
        input.setProperty(WstxInputProperties.P_MAX_TEXT_LENGTH, maxTextLength);
        // Woodstox refuses 0; with no DTD allowed, one is as good as none
        input.setProperty(WstxInputProperties.P_MAX_ENTITY_COUNT, 1L);
        return input;
    }

    /**
     * The document as a DOM tree, for the XML signature API, which works on DOM: namespace-aware, no DOCTYPE, no
     * entities, the JDK's secure-processing limits.
     */
    public static Document dom(String xml) throws SAXException, IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's DOM parser lacks a security feature", e);
        }
    }
}
