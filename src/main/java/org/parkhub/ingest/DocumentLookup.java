package org.parkhub.ingest;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.parkhub.http.ApiGate;
import org.parkhub.http.HttpReply;
import org.parkhub.http.Problem;
import org.parkhub.journal.DeliveryState;
import org.parkhub.journal.Journal;
import org.parkhub.journal.JournalEntry;
import org.parkhub.model.MessageType;
import org.parkhub.model.PayloadDiff;
import org.parkhub.participant.Participant;
import org.parkhub.participant.Role;

/**
 * {@code GET /api/v1/documents/{type}/{id}}: a business document's history, {@code id} being its identity's fields
 * joined by {@code :} (README, "Documents"). Every revision with its message, time, channel and sender, what changed
 * from the one before, and its copies' states. For the firms that sent or received any revision, and administrators;
 * anyone else gets the same 404 as for a document that does not exist.
 */
public class DocumentLookup {

    /** One revision as the history shows it. */
    public record Revision(int revision, String messageId, OffsetDateTime receivedAt, String channel, String sender,
                           List<PayloadDiff.Change> changes, List<DeliveryState> deliveries) {
    }

    private final ApiGate gate;
    private final Journal journal;

    public DocumentLookup(ApiGate gate, Journal journal) {
        this.gate = gate;
        this.journal = journal;
    }

    public void get(Exchange exchange) {
        Optional<Participant> caller = gate.caller(exchange);
        if (caller.isEmpty()) {
            return;
        }
        String typeName = exchange.getMessage().getHeader("type", String.class);
        String id = exchange.getMessage().getHeader("id", String.class);
        Optional<MessageType> type = MessageType.byPath(typeName);
        List<JournalEntry> revisions = type.map(t -> journal.revisions(t, id)).orElse(List.of());
        boolean visible = caller.get().hasRole(Role.ADMIN)
                || revisions.stream().anyMatch(r -> r.isVisibleTo(caller.get().id()));
        if (revisions.isEmpty() || !visible) {
            Problem.of(404, "not-found", "No such document", "no " + typeName + " document " + id + " visible to "
                    + caller.get().id()).writeTo(exchange);
            return;
        }
        List<Revision> history = new ArrayList<>();
        for (int i = 0; i < revisions.size(); i++) {
            JournalEntry entry = revisions.get(i);
            history.add(new Revision(entry.envelope().revision(), entry.envelope().messageId(),
                    entry.envelope().receivedAt(), entry.envelope().channel().code(), entry.envelope().sender(),
                    i == 0 ? List.of() : PayloadDiff.between(revisions.get(i - 1).envelope().payload(),
                            entry.envelope().payload()),
                    MessageView.of(entry, List.of(), caller.get()).deliveries()));
        }
        Revision current = history.get(history.size() - 1);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("type", type.get().path());
        answer.put("id", id);
        answer.put("state", "active");
        answer.put("revision", current.revision());
        answer.put("messageId", current.messageId());
        answer.put("revisions", history);
        HttpReply.answer(exchange, 200, "document", answer);
    }
}
