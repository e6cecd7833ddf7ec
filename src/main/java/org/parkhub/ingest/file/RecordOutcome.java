package org.parkhub.ingest.file;

import java.util.List;

import org.parkhub.validate.FieldError;

/** What became of one record of a file: its errors and warnings, and its message id once journaled. */
record RecordOutcome(FileRecord record, List<FieldError> errors, List<FieldError> warnings, String messageId) {
}
