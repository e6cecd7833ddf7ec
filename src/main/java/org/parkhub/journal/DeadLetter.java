package org.parkhub.journal;

import java.time.OffsetDateTime;

/** A copy that could not be delivered within its recipient's attempts, with the last reason. */
public record DeadLetter(String messageId, String recipient, String type, String sender, int attempts, String reason,
                         OffsetDateTime deadSince) {
}
