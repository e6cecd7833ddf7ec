package org.parkhub.ingest;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.xml.bind.annotation.XmlRootElement;
import org.parkhub.model.CanonicalMapper;
import org.parkhub.model.MessageType;
import org.parkhub.validate.FieldError;

/**
 * Reads canonical JSON (one object or an array of them) and canonical XML (one document) into payloads.
 * An item that does not bind (unknown field, wrong type) becomes a field error of that item only.
 */
public final class PayloadReader {

    private PayloadReader() {
    }

    public static List<ParsedItem> json(String body, MessageType type) throws MalformedInputException {
        JsonNode root;
        try {
            root = CanonicalMapper.json().readTree(body);
        } catch (JsonProcessingException e) {
            throw new MalformedInputException("the body is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !(root.isObject() || root.isArray())) {
            throw new MalformedInputException("the body must be a JSON object or an array of objects", null);
        }
        List<ParsedItem> items = new ArrayList<>();
        if (root.isObject()) {
            items.add(bind(0, root, type));
        } else {
            for (int i = 0; i < root.size(); i++) {
                JsonNode node = root.get(i);
                items.add(node.isObject() ? bind(i, node, type)
                        : ParsedItem.failed(i, new FieldError("", "TYPE", "each item must be a JSON object")));
            }
        }
        return items;
    }

    public static List<ParsedItem> xml(String body, MessageType type) throws MalformedInputException {
        String expected = type.payloadClass().getAnnotation(XmlRootElement.class).name();
        String root = rootElement(body);
        if (!expected.equals(root)) {
            throw new MalformedInputException("a " + type.path() + " document has the root element <" + expected
                    + ">, not <" + root + ">", null);
        }
        try {
            return List.of(ParsedItem.ok(0, CanonicalMapper.xml().readValue(body, type.payloadClass())));
        } catch (JsonMappingException e) {
            return List.of(ParsedItem.failed(0, Binding.error(e)));
        } catch (IOException e) {
            throw new MalformedInputException("the body is not well-formed XML: " + e.getMessage(), e);
        }
    }

    /** Jackson ignores the root element's name and namespace; the document type is told by them, so they are checked first. */
    private static String rootElement(String body) throws MalformedInputException {
        try {
            XMLStreamReader reader = CanonicalMapper.xml().getFactory().getXMLInputFactory()
                    .createXMLStreamReader(new StringReader(body));
            try {
                while (reader.next() != XMLStreamConstants.START_ELEMENT) {
                    if (reader.getEventType() == XMLStreamConstants.DTD) {
                        throw new MalformedInputException("DOCTYPE declarations are not accepted", null);
                    }
                }
                String namespace = reader.getNamespaceURI();
                if (namespace != null && !namespace.isEmpty()) {
                    throw new MalformedInputException("canonical XML has no namespace; this <" + reader.getLocalName()
                            + "> is in the namespace '" + namespace + "'", null);
                }
                return reader.getLocalName();
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            throw new MalformedInputException("the body is not well-formed XML: " + e.getMessage(), e);
        }
    }

    private static ParsedItem bind(int index, JsonNode node, MessageType type) {
        Binding.Result bound = Binding.bind(node, type);
        return bound.error() == null ? ParsedItem.ok(index, bound.payload()) : ParsedItem.failed(index, bound.error());
    }
}
