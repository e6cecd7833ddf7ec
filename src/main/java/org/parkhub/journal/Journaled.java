package org.parkhub.journal;

import org.parkhub.model.Envelope;

/**
 * What the journal made of one arrival: a new document (its first revision), a revision of a known one, a
 * duplicate of the current revision (nothing journaled; {@code messageId} is that revision's message), or refused.
 *
 * @param envelope the message journaled; null for a duplicate or a refusal
 * @param refusal  why the arrival was refused (another sender's document); null otherwise
 */
public record Journaled(Disposition disposition, String messageId, Envelope envelope, String refusal) {

    public enum Disposition { NEW, REVISION, DUPLICATE, REFUSED }

    static Journaled journaled(Disposition disposition, Envelope envelope) {
        return new Journaled(disposition, envelope.messageId(), envelope, null);
    }

    static Journaled duplicateOf(String messageId) {
        return new Journaled(Disposition.DUPLICATE, messageId, null, null);
    }

    static Journaled refused(String reason) {
        return new Journaled(Disposition.REFUSED, null, null, reason);
    }

    /** Whether a message was journaled (and will be routed). */
    public boolean isJournaled() {
        return envelope != null;
    }
}
