package org.parkhub.journal;

import org.parkhub.model.DocumentAction;

/**
 * A validated payload about to be journaled, with where it came from in its input (file + line, request
 * + item); {@code fileId} and {@code fileRow} tie it to an inbound file, so that a resumed file skips it.
 * {@code requested} is what the sender said it does to its document (a profile's action column, a CEB appType):
 * a cancellation cancels, anything else is a new document or a revision by what the journal holds.
 */
public record Incoming(Record payload, String source, String fileId, Long fileRow, DocumentAction requested) {

    public Incoming {
        requested = requested == null ? DocumentAction.NEW : requested;
    }

    public Incoming(Record payload, String source) {
        this(payload, source, null, null, DocumentAction.NEW);
    }

    public Incoming(Record payload, String source, DocumentAction requested) {
        this(payload, source, null, null, requested);
    }

    public boolean cancels() {
        return requested == DocumentAction.CANCEL;
    }
}
