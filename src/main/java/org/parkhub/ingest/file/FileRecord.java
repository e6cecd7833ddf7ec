package org.parkhub.ingest.file;

import java.util.List;

import org.parkhub.model.DocumentAction;
import org.parkhub.validate.FieldError;

/**
 * One record read from a file: the input lines it came from (several for an order with lines), its payload or why it
 * could not be read, and what its sender says it does to its document (a profile's action column, a CEB appType).
 */
public record FileRecord(List<Long> lines, Record payload, List<FieldError> errors, DocumentAction action) {

    public FileRecord {
        lines = List.copyOf(lines);
        errors = List.copyOf(errors);
        action = action == null ? DocumentAction.NEW : action;
    }

    /** A record whose file says nothing of its document's action. */
    public FileRecord(List<Long> lines, Record payload, List<FieldError> errors) {
        this(lines, payload, errors, DocumentAction.NEW);
    }

    public long firstLine() {
        return lines.get(0);
    }
}
