package org.parkhub.validate;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every text of a payload, at any depth, holds only characters XML 1.0 allows: a NUL, a bell or a lone surrogate
 * cannot be written into the XML, CSV and customs files recipients receive, so such a message is refused where it
 * enters (code {@code CHARACTERS}), on every channel, instead of failing at delivery.
 */
final class TextCheck {

    /** Each record type's components, looked up once: the check runs for every message on the intake's path. */
    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            return type.getRecordComponents();
        }
    };

    void check(Record payload, Findings findings) {
        visit(payload, "", findings);
    }

    private void visit(Object value, String path, Findings findings) {
        if (value instanceof String text) {
            int at = firstNotAllowed(text);
            if (at >= 0) {
                findings.error(path, "CHARACTERS", "contains " + describe(text.codePointAt(at)) + " at position " + (at + 1)
                        + ", which XML 1.0 does not allow (control characters and broken UTF-16 cannot be delivered)");
            }
        } else if (value instanceof Record record) {
            for (RecordComponent component : COMPONENTS.get(record.getClass())) {
                visit(read(component, record), path.isEmpty() ? component.getName() : path + "." + component.getName(),
                        findings);
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                visit(list.get(i), path + "[" + i + "]", findings);
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, entry) -> visit(entry, path + "." + key, findings));
        }
    }

    /** The index of the first character XML 1.0 does not allow, or -1. */
    static int firstNotAllowed(String text) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
            if (!allowed) {
                return i; // a lone surrogate comes back from codePointAt as itself, in 0xD800-0xDFFF
            }
            i += Character.charCount(c);
        }
        return -1;
    }

    private static String describe(int codePoint) {
        String hex = String.format(Locale.ROOT, "U+%04X", codePoint);
        return codePoint >= 0xD800 && codePoint <= 0xDFFF ? "a lone surrogate (" + hex + ")" : "the character " + hex;
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + record.getClass(), e);
        }
    }
}
