package org.parkhub.ingest;

import java.time.OffsetDateTime;
import java.util.List;

import org.parkhub.journal.DeliveryState;
import org.parkhub.journal.JournalEntry;
import org.parkhub.model.Channel;
import org.parkhub.model.CorrelationKeys;
import org.parkhub.model.MessageType;

/** The answer of {@code GET /api/v1/messages/{id}}. */
public record MessageView(
        String messageId,
        MessageType type,
        String schemaVersion,
        String sender,
        OffsetDateTime receivedAt,
        Channel channel,
        String source,
        CorrelationKeys keys,
        String status,
        OffsetDateTime statusAt,
        List<DeliveryState> deliveries,
        Record payload) {

    static MessageView of(JournalEntry entry) {
        var e = entry.envelope();
        return new MessageView(e.messageId(), e.type(), e.schemaVersion(), e.sender(), e.receivedAt(), e.channel(),
                e.source(), e.keys(), entry.status().name(), entry.statusAt(), entry.deliveries(), e.payload());
    }
}
