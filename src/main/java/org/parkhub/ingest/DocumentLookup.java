package org.parkhub.ingest;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

import org.apache.camel.Exchange;
import org.parkhub.http.ApiGate;
import org.parkhub.http.HttpReply;
import org.parkhub.http.Problem;
import org.parkhub.journal.DeliveryState;
import org.parkhub.journal.Journal;
import org.parkhub.journal.JournalEntry;
import org.parkhub.model.DocumentAction;
import org.parkhub.model.MessageType;
import org.parkhub.model.PayloadDiff;
import org.parkhub.participant.Participant;
import org.parkhub.participant.Role;

/**
 * {@code GET /api/v1/documents/{type}/{id}}: a business document's history, {@code id} being its identity's fields
 * joined by {@code :} (README, "Documents"): its state ({@code active} or {@code cancelled}) and every revision with its
 * message, action, time, channel and sender, what changed from the one before, and its copies' states. For the firms
 * that sent or received any revision, and administrators (also through the console's admin API); anyone else gets
 * the same 404 as for a document that does not exist.
 */
public class DocumentLookup {

    /** One revision as the history shows it. */
    public record Revision(int revision, String messageId, DocumentAction action, OffsetDateTime receivedAt,
                           String channel, String sender, List<PayloadDiff.Change> changes,
                           List<DeliveryState> deliveries) {
    }

    /** A document's history: its current revision and state, and its revisions oldest first. */
    public record History(String type, String id, String state, int revision, String messageId,
                          List<Revision> revisions) {
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
        Optional<History> history = history(typeName, id, caller.get());
        if (history.isEmpty()) {
            Problem.of(404, "not-found", "No such document", "no " + typeName + " document " + id + " visible to "
                    + caller.get().id()).writeTo(exchange);
            return;
        }
        HttpReply.answer(exchange, 200, "document", history.get());
    }

    /**
     * The history of a document as a firm may see it (only its own copies' errors), or empty when there is no such
     * document or the firm neither sent nor received it.
     */
    public Optional<History> history(String typeName, String id, Participant viewer) {
        return history(typeName, id, revisions -> viewer.hasRole(Role.ADMIN)
                        || revisions.stream().anyMatch(r -> r.isVisibleTo(viewer.id())),
                entry -> MessageView.of(entry, List.of(), viewer).deliveries());
    }

    /** The history of a document as the console's administrators see it: everything. */
    public Optional<History> historyForAdministrator(String typeName, String id) {
        return history(typeName, id, revisions -> true, JournalEntry::deliveries);
    }

    private Optional<History> history(String typeName, String id, Predicate<List<JournalEntry>> visible,
                                      Function<JournalEntry, List<DeliveryState>> copies) {
        Optional<MessageType> type = MessageType.byPath(typeName);
        List<JournalEntry> revisions = type.map(t -> journal.revisions(t, id)).orElse(List.of());
        if (revisions.isEmpty() || !visible.test(revisions)) {
            return Optional.empty();
        }
        List<Revision> history = new ArrayList<>();
        for (int i = 0; i < revisions.size(); i++) {
            JournalEntry entry = revisions.get(i);
            history.add(new Revision(entry.envelope().revision(), entry.envelope().messageId(),
                    entry.envelope().action(), entry.envelope().receivedAt(), entry.envelope().channel().code(),
                    entry.envelope().sender(),
                    i == 0 ? List.of() : PayloadDiff.between(revisions.get(i - 1).envelope().payload(),
                            entry.envelope().payload()),
                    copies.apply(entry)));
        }
        Revision current = history.get(history.size() - 1);
        return Optional.of(new History(type.get().path(), id,
                current.action() == DocumentAction.CANCEL ? "cancelled" : "active", current.revision(),
                current.messageId(), history));
    }
}
