package org.parkhub.ingest;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.parkhub.journal.DeliveryEvent;
import org.parkhub.journal.DeliveryState;
import org.parkhub.journal.JournalEntry;
import org.parkhub.model.Envelope;
import org.parkhub.participant.Participant;
import org.parkhub.participant.Role;

/**
 * The answer of {@code GET /api/v1/messages/{id}}: the envelope's fields, its status, its deliveries and their
 * history. Firms see every recipient's state but only their own copy's errors and history (another firm's
 * error names its endpoint); administrators see everything.
 */
@JsonPropertyOrder({"envelope", "status", "statusAt", "deliveries", "history"})
public record MessageView(@JsonUnwrapped Envelope envelope, String status, OffsetDateTime statusAt,
                   List<DeliveryState> deliveries, List<DeliveryEvent> history) {

    /** As an administrator sees it: every copy's state, errors and history. */
    public static MessageView forAdministrator(JournalEntry entry, List<DeliveryEvent> history) {
        return new MessageView(entry.envelope(), entry.status().name(), entry.statusAt(), entry.deliveries(), history);
    }

    static MessageView of(JournalEntry entry, List<DeliveryEvent> history, Participant caller) {
        boolean admin = caller.hasRole(Role.ADMIN);
        List<DeliveryState> deliveries = entry.deliveries().stream()
                .map(d -> admin || d.recipient().equals(caller.id()) ? d
                        : new DeliveryState(d.recipient(), d.rule(), d.status(), d.attempts(), null, d.updatedAt(), d.deliveredAt()))
                .toList();
        return new MessageView(entry.envelope(), entry.status().name(), entry.statusAt(), deliveries,
                history.stream().filter(e -> admin || e.recipient().equals(caller.id())).toList());
    }
}
