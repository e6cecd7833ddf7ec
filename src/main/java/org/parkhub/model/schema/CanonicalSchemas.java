package org.parkhub.model.schema;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.xml.bind.annotation.XmlRootElement;
import org.parkhub.model.Documents;
import org.parkhub.model.MessageType;

/**
 * Generates the published schemas of a message type (JSON Schema 2020-12 and XSD) from its records, so
 * that classes and schemas cannot drift: the records and their constraints are the one source of truth,
 * and a test fails when the committed files under schemas/canonical differ from what this produces.
 */
public final class CanonicalSchemas {

    private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private CanonicalSchemas() {
    }

    public static String jsonSchema(MessageType type) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$id", "https://parkhub.example/schemas/canonical/" + type.path() + ".schema.json");
        root.put("title", type.payloadClass().getSimpleName());
        // what makes two messages the same document (README, "Documents")
        root.put("x-parkhub-identity", Documents.identityFields(type));
        Map<String, Object> defs = new LinkedHashMap<>();
        root.putAll(objectSchema(type.payloadClass(), defs));
        if (!defs.isEmpty()) {
            root.put("$defs", defs);
        }
        try {
            return PRETTY.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String xsd(MessageType type) {
        Class<?> root = type.payloadClass();
        StringBuilder out = new StringBuilder();
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<!-- Generated from ").append(root.getName()).append(" by CanonicalSchemas: do not edit. -->\n");
        out.append("<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" elementFormDefault=\"unqualified\">\n");
        out.append("  <xs:element name=\"").append(root.getAnnotation(XmlRootElement.class).name())
                .append("\" type=\"").append(root.getSimpleName()).append("\"/>\n");
        Set<Class<?>> done = new LinkedHashSet<>();
        List<Class<?>> todo = new ArrayList<>(List.of(root));
        while (!todo.isEmpty()) {
            Class<?> record = todo.remove(0);
            if (done.add(record)) {
                complexType(record, out, todo);
            }
        }
        out.append("</xs:schema>\n");
        return out.toString();
    }

    private static Map<String, Object> objectSchema(Class<?> record, Map<String, Object> defs) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (RecordComponent component : record.getRecordComponents()) {
            FieldSpec field = FieldSpec.of(component);
            Map<String, Object> value = valueSchema(field, defs);
            if (field.list()) {
                Map<String, Object> array = new LinkedHashMap<>();
                array.put("type", "array");
                array.put("items", value);
                if (field.required()) {
                    array.put("minItems", 1);
                }
                if (field.maxItems() != null) {
                    array.put("maxItems", field.maxItems());
                }
                value = array;
            }
            properties.put(field.name(), value);
            if (field.required()) {
                required.add(field.name());
            }
        }
        schema.put("properties", properties);
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        schema.put("additionalProperties", false);
        return schema;
    }

    private static Map<String, Object> valueSchema(FieldSpec field, Map<String, Object> defs) {
        Map<String, Object> schema = new LinkedHashMap<>();
        switch (field.kind()) {
            case STRING -> {
                schema.put("type", "string");
                if (field.enumValues() != null) {
                    schema.put("enum", field.enumValues());
                }
                if (field.minLength() != null) {
                    schema.put("minLength", field.minLength());
                }
                if (field.maxLength() != null) {
                    schema.put("maxLength", field.maxLength());
                }
                if (field.pattern() != null) {
                    schema.put("pattern", field.pattern());
                }
            }
            case DECIMAL -> {
                // money travels as a decimal string (or a JSON number): never through a binary double
                schema.put("type", List.of("string", "number"));
                schema.put("pattern", field.decimalPattern());
                if (field.positive()) {
                    schema.put("exclusiveMinimum", 0);
                } else if (field.nonNegative()) {
                    schema.put("minimum", 0);
                }
            }
            case INTEGER -> {
                schema.put("type", "integer");
                if (field.minimum() != null) {
                    schema.put("minimum", field.minimum());
                }
                if (field.maximum() != null) {
                    schema.put("maximum", field.maximum());
                }
            }
            case BOOLEAN -> schema.put("type", "boolean");
            case DATE_TIME -> {
                schema.put("type", "string");
                schema.put("format", "date-time");
            }
            case DATE -> {
                schema.put("type", "string");
                schema.put("format", "date");
            }
            case ENUM -> {
                schema.put("type", "string");
                schema.put("enum", field.enumValues());
            }
            case RECORD -> {
                String name = field.javaType().getSimpleName();
                if (!defs.containsKey(name)) {
                    defs.put(name, Map.of());
                    defs.put(name, objectSchema(field.javaType(), defs));
                }
                schema.put("$ref", "#/$defs/" + name);
            }
        }
        return schema;
    }

    private static void complexType(Class<?> record, StringBuilder out, List<Class<?>> todo) {
        out.append("  <xs:complexType name=\"").append(record.getSimpleName()).append("\">\n    <xs:sequence>\n");
        for (RecordComponent component : record.getRecordComponents()) {
            FieldSpec field = FieldSpec.of(component);
            out.append("      <xs:element name=\"").append(field.xmlName()).append('"');
            out.append(" minOccurs=\"").append(field.required() ? 1 : 0).append('"');
            if (field.list()) {
                out.append(" maxOccurs=\"").append(field.maxItems() == null ? "unbounded" : field.maxItems()).append('"');
            }
            if (field.kind() == FieldSpec.Kind.RECORD) {
                out.append(" type=\"").append(field.javaType().getSimpleName()).append("\"/>\n");
                todo.add(field.javaType());
                continue;
            }
            out.append(">\n        <xs:simpleType>\n");
            simpleType(field, out);
            out.append("        </xs:simpleType>\n      </xs:element>\n");
        }
        out.append("    </xs:sequence>\n  </xs:complexType>\n");
    }

    private static void simpleType(FieldSpec field, StringBuilder out) {
        String indent = "            ";
        switch (field.kind()) {
            case STRING, ENUM -> {
                out.append("          <xs:restriction base=\"xs:string\">\n");
                if (field.enumValues() != null) {
                    field.enumValues().forEach(v -> out.append(indent).append("<xs:enumeration value=\"").append(v).append("\"/>\n"));
                }
                if (field.minLength() != null) {
                    out.append(indent).append("<xs:minLength value=\"").append(field.minLength()).append("\"/>\n");
                }
                if (field.maxLength() != null) {
                    out.append(indent).append("<xs:maxLength value=\"").append(field.maxLength()).append("\"/>\n");
                }
                if (field.pattern() != null) {
                    out.append(indent).append("<xs:pattern value=\"").append(xsdPattern(field.pattern())).append("\"/>\n");
                }
            }
            case DECIMAL -> {
                out.append("          <xs:restriction base=\"xs:decimal\">\n");
                out.append(indent).append("<xs:totalDigits value=\"")
                        .append(field.integerDigits() + field.fractionDigits()).append("\"/>\n");
                out.append(indent).append("<xs:fractionDigits value=\"").append(field.fractionDigits()).append("\"/>\n");
                if (field.positive()) {
                    out.append(indent).append("<xs:minExclusive value=\"0\"/>\n");
                } else if (field.nonNegative()) {
                    out.append(indent).append("<xs:minInclusive value=\"0\"/>\n");
                }
            }
            case INTEGER -> {
                out.append("          <xs:restriction base=\"xs:int\">\n");
                if (field.minimum() != null) {
                    out.append(indent).append("<xs:minInclusive value=\"").append(field.minimum()).append("\"/>\n");
                }
                if (field.maximum() != null) {
                    out.append(indent).append("<xs:maxInclusive value=\"").append(field.maximum()).append("\"/>\n");
                }
            }
            case BOOLEAN -> out.append("          <xs:restriction base=\"xs:boolean\">\n");
            case DATE_TIME -> out.append("          <xs:restriction base=\"xs:dateTime\">\n");
            case DATE -> out.append("          <xs:restriction base=\"xs:date\">\n");
            case RECORD -> throw new IllegalStateException("records are complex types");
        }
        out.append("          </xs:restriction>\n");
    }

    /** XSD patterns are implicitly anchored and have no ^ or $. */
    private static String xsdPattern(String regex) {
        String pattern = regex.startsWith("^") ? regex.substring(1) : regex;
        pattern = pattern.endsWith("$") ? pattern.substring(0, pattern.length() - 1) : pattern;
        return pattern.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }
}
