package org.parkhub.journal;

import java.time.OffsetDateTime;

/** One recipient's copy of a message, as journaled. */
public record DeliveryState(String recipient, String rule, DeliveryStatus status, int attempts, String lastError,
                            OffsetDateTime updatedAt, OffsetDateTime deliveredAt) {
}
