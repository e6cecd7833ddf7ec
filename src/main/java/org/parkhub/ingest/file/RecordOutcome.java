package org.parkhub.ingest.file;

import java.util.List;

import org.parkhub.validate.FieldError;

/**
 * What became of one record of a file: its errors and warnings, and its message id once journaled, or the id of the
 * message it duplicates ({@code duplicate}: the same document with the same content was journaled before).
 */
record RecordOutcome(FileRecord record, List<FieldError> errors, List<FieldError> warnings, String messageId,
                     boolean duplicate) {

    RecordOutcome(FileRecord record, List<FieldError> errors, List<FieldError> warnings, String messageId) {
        this(record, errors, warnings, messageId, false);
    }

    ReceiptStatus status() {
        if (!errors.isEmpty()) {
            return ReceiptStatus.REJECTED;
        }
        return duplicate ? ReceiptStatus.DUPLICATE : ReceiptStatus.ACCEPTED;
    }
}
