package org.parkhub.model;

import java.time.OffsetDateTime;

/**
 * A journaled message: who sent what, when, through which channel and from where in the input, with
 * its correlation keys and canonical payload. The message id is born in the journal.
 */
public record Envelope(
        String messageId,
        MessageType type,
        String schemaVersion,
        String sender,
        OffsetDateTime receivedAt,
        Channel channel,
        String source,
        CorrelationKeys keys,
        Record payload) {
}
