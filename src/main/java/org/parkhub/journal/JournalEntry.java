package org.parkhub.journal;

import java.time.OffsetDateTime;
import java.util.List;

import org.parkhub.model.Envelope;

/** A message as the journal holds it: the envelope, its status and its recipients. */
public record JournalEntry(Envelope envelope, MessageStatus status, OffsetDateTime statusAt,
                           List<DeliveryState> deliveries) {

    public boolean isVisibleTo(String participantId) {
        return envelope.sender().equals(participantId)
                || deliveries.stream().anyMatch(d -> d.recipient().equals(participantId));
    }
}
