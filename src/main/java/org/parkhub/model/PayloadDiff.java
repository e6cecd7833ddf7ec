package org.parkhub.model;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

/** What changed from one revision of a document to the next, field by field, as canonical JSON writes them. */
public final class PayloadDiff {

    /** A field ({@code lines[0].qty}) and its value before and after; null (left out in JSON) where it was absent. */
    public record Change(String field, String before, String after) {
    }

    private PayloadDiff() {
    }

    /** The fields whose values differ, in field order. */
    public static List<Change> between(Record before, Record after) {
        Map<String, String> was = flat(CanonicalMapper.json().valueToTree(before));
        Map<String, String> is = flat(CanonicalMapper.json().valueToTree(after));
        TreeMap<String, Change> changes = new TreeMap<>();
        was.forEach((field, value) -> {
            if (!value.equals(is.get(field))) {
                changes.put(field, new Change(field, value, is.get(field)));
            }
        });
        is.forEach((field, value) -> {
            if (!was.containsKey(field)) {
                changes.put(field, new Change(field, null, value));
            }
        });
        return new ArrayList<>(changes.values());
    }

    private static Map<String, String> flat(JsonNode tree) {
        Map<String, String> values = new TreeMap<>();
        flatten("", tree, values);
        return values;
    }

    private static void flatten(String path, JsonNode node, Map<String, String> values) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                flatten(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), values);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(path + "[" + i + "]", node.get(i), values);
            }
        } else if (!node.isNull()) {
            values.put(path, node.asText());
        }
    }
}
