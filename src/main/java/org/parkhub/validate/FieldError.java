package org.parkhub.validate;

/** One problem with one field: a path such as {@code lines[0].qty}, a stable code and a human message. */
public record FieldError(String field, String code, String message) {
}
