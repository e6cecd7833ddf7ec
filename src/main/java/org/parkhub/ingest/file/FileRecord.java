package org.parkhub.ingest.file;

import java.util.List;

import org.parkhub.validate.FieldError;

/**
 * One record read from a file: the input lines it came from (several for an order with lines), and its
 * payload or why it could not be read.
 */
public record FileRecord(List<Long> lines, Record payload, List<FieldError> errors) {

    public FileRecord {
        lines = List.copyOf(lines);
        errors = List.copyOf(errors);
    }

    public long firstLine() {
        return lines.get(0);
    }
}
