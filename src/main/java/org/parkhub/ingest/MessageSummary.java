package org.parkhub.ingest;

import java.time.OffsetDateTime;

import org.parkhub.journal.JournalEntry;
import org.parkhub.model.Channel;
import org.parkhub.model.CorrelationKeys;
import org.parkhub.model.MessageType;

/** One line of {@code GET /api/v1/messages}: what a message is and where it stands, without its payload. */
public record MessageSummary(String messageId, MessageType type, String sender, OffsetDateTime receivedAt, Channel channel,
                             String source,
                      CorrelationKeys keys, String status) {

    public static MessageSummary of(JournalEntry entry) {
        var e = entry.envelope();
        return new MessageSummary(e.messageId(), e.type(), e.sender(), e.receivedAt(), e.channel(), e.source(), e.keys(),
                entry.status().name());
    }
}
