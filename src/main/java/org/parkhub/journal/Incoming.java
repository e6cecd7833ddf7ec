package org.parkhub.journal;

/**
 * A validated payload about to be journaled, with where it came from in its input (file + line, request
 * + item); {@code fileId} and {@code fileRow} tie it to an inbound file, so that a resumed file skips it.
 */
public record Incoming(Record payload, String source, String fileId, Long fileRow) {

    public Incoming(Record payload, String source) {
        this(payload, source, null, null);
    }
}
