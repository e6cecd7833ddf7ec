package org.parkhub.model;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;

/**
 * Reads a field of a canonical payload by its path, {@code ebcCode} or {@code consignee.district} (routing
 * rules and subscriptions name fields, not classes). Values read as in canonical JSON: {@code 1210} for a
 * bonded trade mode, {@code 12.50} for an amount.
 */
public final class PayloadFields {

    private PayloadFields() {
    }

    public static Optional<String> value(Record payload, String path) {
        Object value = payload;
        for (String name : path.split("\\.", -1)) {
            if (!(value instanceof Record record)) {
                return Optional.empty();
            }
            Optional<RecordComponent> component = component(record.getClass(), name);
            if (component.isEmpty()) {
                return Optional.empty();
            }
            value = read(record, component.get());
        }
        if (value == null || value instanceof Record || value instanceof Collection) {
            return Optional.empty();
        }
        return Optional.of(value instanceof String text ? text : CanonicalMapper.json().convertValue(value, String.class));
    }

    /** Whether the path names a single value (not a nested record, not a list) of the type. */
    public static boolean isScalar(Class<? extends Record> type, String path) {
        Class<?> current = type;
        for (String name : path.split("\\.", -1)) {
            if (!current.isRecord()) {
                return false;
            }
            @SuppressWarnings("unchecked")
            Optional<RecordComponent> component = component((Class<? extends Record>) current, name);
            if (component.isEmpty()) {
                return false;
            }
            current = component.get().getType();
        }
        return !current.isRecord() && !Collection.class.isAssignableFrom(current);
    }

    private static Optional<RecordComponent> component(Class<? extends Record> type, String name) {
        return Arrays.stream(type.getRecordComponents()).filter(c -> c.getName().equals(name)).findFirst();
    }

    private static Object read(Record payload, RecordComponent component) {
        try {
            return component.getAccessor().invoke(payload);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName(), e);
        }
    }
}
