package org.parkhub.ingest;

import java.util.List;

import org.parkhub.validate.FieldError;

/** One item of a request or file: its payload, or why it could not be read as one. */
public record ParsedItem(int index, Record payload, List<FieldError> errors) {

    static ParsedItem ok(int index, Record payload) {
        return new ParsedItem(index, payload, List.of());
    }

    static ParsedItem failed(int index, FieldError error) {
        return new ParsedItem(index, null, List.of(error));
    }
}
