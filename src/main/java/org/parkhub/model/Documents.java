package org.parkhub.model;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.codec.digest.DigestUtils;

/**
 * A payload as a business document: its identity (the {@link DocumentIdentity} fields' values, joined by {@code :})
 * and its content digest. Both compare what a firm meant, not how it was written: text is trimmed, runs of blanks
 * are one and full-width characters are folded (NFKC), amounts compare as numbers ({@code 12.50} = {@code 12.5}),
 * times as instants ({@code 10:00+08:00} = {@code 02:00Z}), and field order and absent optional fields do not
 * count. Codes stay as written: {@code 0012} is not {@code 12}.
 */
public final class Documents {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Documents() {
    }

    /** The identity's fields of a type. */
    public static List<String> identityFields(MessageType type) {
        DocumentIdentity identity = type.payloadClass().getAnnotation(DocumentIdentity.class);
        if (identity == null) {
            throw new IllegalStateException(type.payloadClass().getSimpleName() + " declares no @DocumentIdentity");
        }
        return List.of(identity.value());
    }

    /** The document a payload is, e.g. {@code 3301960ABC:ORD-1} for an order; a missing field counts as empty. */
    public static String identity(Record payload) {
        Map<String, Object> components = components(payload);
        List<String> values = new ArrayList<>();
        for (String field : identityFields(MessageType.of(payload))) {
            if (!components.containsKey(field)) {
                throw new IllegalStateException(payload.getClass().getSimpleName() + " has no identity field " + field);
            }
            JsonNode folded = fold(components.get(field));
            values.add(folded == null ? "" : folded.asText());
        }
        return String.join(":", values);
    }

    /** The SHA-256 (hex) of the payload's content in its folded form: equal for the same document content. */
    public static String contentDigest(Record payload) {
        return DigestUtils.sha256Hex(fold(payload).toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A value in the form that compares: fields sorted, nothing empty, text folded, amounts and times canonical. */
    private static JsonNode fold(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Record record) {
            ObjectNode object = NODES.objectNode();
            new TreeMap<>(components(record)).forEach((name, field) -> {
                JsonNode folded = fold(field);
                if (folded != null) {
                    object.set(name, folded);
                }
            });
            return object;
        }
        if (value instanceof Collection<?> items) {
            ArrayNode array = NODES.arrayNode();
            items.forEach(item -> array.add(fold(item)));
            return array;
        }
        if (value instanceof BigDecimal number) {
            return NODES.textNode(number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString());
        }
        if (value instanceof OffsetDateTime time) {
            return NODES.textNode(time.toInstant().toString());
        }
        if (value instanceof String text) {
            String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ");
            return folded.isEmpty() ? null : NODES.textNode(folded);
        }
        // codes, enums, counts and dates: as canonical JSON writes them
        return NODES.textNode(CanonicalMapper.json().convertValue(value, String.class));
    }

    private static Map<String, Object> components(Record record) {
        Map<String, Object> values = new TreeMap<>();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            try {
                values.put(component.getName(), component.getAccessor().invoke(record));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + component.getName(), e);
            }
        }
        return values;
    }
}
