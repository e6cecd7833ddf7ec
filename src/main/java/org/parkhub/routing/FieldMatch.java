package org.parkhub.routing;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.parkhub.model.PayloadFields;

/**
 * One condition of a subscription filter or routing rule on a canonical field: the value {@code equals} a text, is one
 * {@code in} a list, starts with a {@code prefix}, or is absent or anything but {@code notEquals}. Declarative on
 * purpose: a filter cannot run code.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldMatch(String field, String equals, List<String> in, String prefix, String notEquals) {

    public FieldMatch {
        in = in == null ? null : List.copyOf(in);
    }

    public FieldMatch(String field, String equals, List<String> in, String prefix) {
        this(field, equals, in, prefix, null);
    }

    public boolean matches(Record payload) {
        Optional<String> value = PayloadFields.value(payload, field);
        if (notEquals != null) {
            return value.isEmpty() || !notEquals.equals(value.get());
        }
        if (value.isEmpty()) {
            return false;
        }
        if (equals != null) {
            return equals.equals(value.get());
        }
        if (in != null) {
            return in.contains(value.get());
        }
        return value.get().startsWith(prefix);
    }

    /** What is wrong with the condition for payloads of the given class, or empty. */
    public Optional<String> problem(Class<? extends Record> type) {
        if (field == null || field.isBlank()) {
            return Optional.of("each condition names a field");
        }
        if (!PayloadFields.isScalar(type, field)) {
            return Optional.of(field + " is not a single-valued field of " + type.getSimpleName());
        }
        int given = (equals != null ? 1 : 0) + (in != null ? 1 : 0) + (prefix != null ? 1 : 0)
                + (notEquals != null ? 1 : 0);
        if (given != 1) {
            return Optional.of(field + ": give exactly one of equals, in, prefix, notEquals");
        }
        if (in != null && in.isEmpty()) {
            return Optional.of(field + ": in needs at least one value");
        }
        return Optional.empty();
    }
}
