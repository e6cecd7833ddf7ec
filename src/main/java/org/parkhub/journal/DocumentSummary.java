package org.parkhub.journal;

import java.time.OffsetDateTime;

/** A document as a list shows it: its type (path), identity, state, current revision and message, sender, last change. */
public record DocumentSummary(String type, String id, String state, int revision, String messageId, String sender,
                              OffsetDateTime updatedAt) {
}
