package org.parkhub.ingest;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.parkhub.journal.DeliveryState;
import org.parkhub.journal.JournalEntry;
import org.parkhub.model.Envelope;

/** The answer of {@code GET /api/v1/messages/{id}}: the envelope's fields, its status and its deliveries. */
@JsonPropertyOrder({"envelope", "status", "statusAt", "deliveries"})
record MessageView(@JsonUnwrapped Envelope envelope, String status, OffsetDateTime statusAt,
                   List<DeliveryState> deliveries) {

    static MessageView of(JournalEntry entry) {
        return new MessageView(entry.envelope(), entry.status().name(), entry.statusAt(), entry.deliveries());
    }
}
