package org.parkhub.ingest;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
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
            return List.of(ParsedItem.failed(0, bindingError(e)));
        } catch (IOException e) {
            throw new MalformedInputException("the body is not well-formed XML: " + e.getMessage(), e);
        }
    }

    /** Jackson ignores the root element's name; the document type is told by it, so it is checked first. */
    private static String rootElement(String body) throws MalformedInputException {
        try {
            XMLStreamReader reader = CanonicalMapper.xml().getFactory().getXMLInputFactory()
                    .createXMLStreamReader(new StringReader(body));
            try {
                reader.nextTag();
                return reader.getLocalName();
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            throw new MalformedInputException("the body is not well-formed XML: " + e.getMessage(), e);
        }
    }

    private static ParsedItem bind(int index, JsonNode node, MessageType type) {
        try {
            return ParsedItem.ok(index, CanonicalMapper.json().treeToValue(node, type.payloadClass()));
        } catch (JsonMappingException e) {
            return ParsedItem.failed(index, bindingError(e));
        } catch (JsonProcessingException e) {
            return ParsedItem.failed(index, new FieldError("", "MALFORMED", e.getOriginalMessage()));
        }
    }

    private static FieldError bindingError(JsonMappingException e) {
        String field = path(e);
        if (e instanceof UnrecognizedPropertyException unknown) {
            return new FieldError(field, "UNKNOWN_FIELD", "'" + unknown.getPropertyName() + "' is not a field of this message");
        }
        if (e instanceof InvalidFormatException invalid) {
            return new FieldError(field, "TYPE", "'" + invalid.getValue() + "' is not a valid "
                    + invalid.getTargetType().getSimpleName());
        }
        if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return new FieldError(field, "TYPE", "expected a " + mismatched.getTargetType().getSimpleName());
        }
        return new FieldError(field, "TYPE", e.getOriginalMessage());
    }

    /** Jackson's reference path as a field path: {@code lines[0].qty}. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
