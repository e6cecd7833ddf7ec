package org.parkhub.validate;

import java.util.ArrayList;
import java.util.List;

/** What validation found: errors reject the message, warnings travel with it. */
public final class Findings {

    private final List<FieldError> errors = new ArrayList<>();
    private final List<FieldError> warnings = new ArrayList<>();

    public void error(String field, String code, String message) {
        errors.add(new FieldError(field, code, message));
    }

    public void warning(String field, String code, String message) {
        warnings.add(new FieldError(field, code, message));
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    public List<FieldError> warnings() {
        return List.copyOf(warnings);
    }
}
