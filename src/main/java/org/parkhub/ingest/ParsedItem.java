package org.parkhub.ingest;

import java.util.List;

import org.parkhub.model.DocumentAction;
import org.parkhub.validate.FieldError;

/**
 * One item of a request or file: its payload, or why it could not be read as one, and what its sender said it does to
 * its document (a CEB head's appType; {@code new} when the channel does not say).
 */
public record ParsedItem(int index, Record payload, List<FieldError> errors, DocumentAction action) {

    static ParsedItem ok(int index, Record payload) {
        return ok(index, payload, DocumentAction.NEW);
    }

    static ParsedItem ok(int index, Record payload, DocumentAction action) {
        return new ParsedItem(index, payload, List.of(), action);
    }

    static ParsedItem failed(int index, FieldError error) {
        return new ParsedItem(index, null, List.of(error), DocumentAction.NEW);
    }
}
