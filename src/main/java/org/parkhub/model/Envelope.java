package org.parkhub.model;

import java.time.OffsetDateTime;

/**
 * A journaled message: who sent what, when, through which channel and from where in the input, with
 * its correlation keys and canonical payload. The message id is born in the journal. A message is one revision
 * of a business document ({@link DocumentIdentity}): {@code revision} counts from 1, and a revision after the
 * first {@code supersedes} the message of the one before. {@code action} says what the message does to its document:
 * creates it, modifies it, or cancels it (a cancellation is a revision too).
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
        int revision,
        String supersedes,
        DocumentAction action,
        Record payload) {

    /** The sender of the messages the hub writes itself (participant.Participant#HUB). */
    public static final String HUB_SENDER = "parkhub";

    public Envelope {
        // an envelope written before documents could be cancelled says nothing: its revision tells
        action = action == null ? DocumentAction.ofRevision(revision) : action;
    }

    /** The same message with its payload (read from the journal or a wire format after the head). */
    public Envelope withPayload(Record body) {
        return new Envelope(messageId, type, schemaVersion, sender, receivedAt, channel, source, keys, revision,
                supersedes, action, body);
    }
}
