package org.parkhub.model;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Optional;

/** Reads a top-level field of a canonical payload by its name (routing rules name fields, not classes). */
public final class PayloadFields {

    private PayloadFields() {
    }

    public static Optional<String> value(Record payload, String field) {
        return Arrays.stream(payload.getClass().getRecordComponents())
                .filter(c -> c.getName().equals(field))
                .findFirst()
                .map(c -> read(payload, c))
                .map(Object::toString);
    }

    private static Object read(Record payload, RecordComponent component) {
        try {
            return component.getAccessor().invoke(payload);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName(), e);
        }
    }
}
