package org.parkhub.journal;

import org.parkhub.model.Envelope;

/**
 * What the journal made of one arrival: a new document (its first revision), a revision of a known one (a
 * cancellation is one too, its envelope's action says so), a duplicate of the current revision (nothing journaled;
 * {@code messageId} is that revision's message), or refused.
 *
 * @param envelope the message journaled; null for a duplicate or a refusal
 * @param refusal  why the arrival was refused; null otherwise
 */
public record Journaled(Disposition disposition, String messageId, Envelope envelope, Refusal refusal) {

    public enum Disposition { NEW, REVISION, DUPLICATE, REFUSED }

    /**
     * Why an arrival was refused, with a stable code: {@code NOT_YOUR_DOCUMENT} (another firm sent it),
     * {@code DOCUMENT_CANCELLED} (its document was cancelled), {@code UNKNOWN_DOCUMENT} (a cancellation of a document
     * the journal does not hold), {@code REVISION_REFUSED} (its type takes no revision in its document's state).
     */
    public record Refusal(String code, String reason) {
    }

    static Journaled journaled(Disposition disposition, Envelope envelope) {
        return new Journaled(disposition, envelope.messageId(), envelope, null);
    }

    static Journaled duplicateOf(String messageId) {
        return new Journaled(Disposition.DUPLICATE, messageId, null, null);
    }

    static Journaled refused(String code, String reason) {
        return new Journaled(Disposition.REFUSED, null, null, new Refusal(code, reason));
    }

    /** Whether a message was journaled (and will be routed). */
    public boolean isJournaled() {
        return envelope != null;
    }
}
