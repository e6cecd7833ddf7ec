package org.parkhub.ingest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.parkhub.http.ApiGate;
import org.parkhub.http.HttpReply;
import org.parkhub.http.Problem;
import org.parkhub.journal.Journal;
import org.parkhub.journal.JournalEntry;
import org.parkhub.model.Channel;
import org.parkhub.model.DocumentAction;
import org.parkhub.model.MessageType;
import org.parkhub.participant.Participant;
import org.parkhub.validate.FieldError;

/**
 * {@code DELETE /api/v1/documents/{type}/{id}}: the document's sender cancels it. The cancellation is the document's
 * last revision, carrying the content of the one it cancels, and takes the same intake as any arrival: it is routed
 * to everyone who had the document, and later arrivals of it are refused ({@code DOCUMENT_CANCELLED}). Cancelling a
 * cancelled document answers the cancellation again, so a retry is harmless.
 */
public class DocumentCancellation {

    private final ApiGate gate;
    private final MessageIntake intake;
    private final Journal journal;

    public DocumentCancellation(ApiGate gate, MessageIntake intake, Journal journal) {
        this.gate = gate;
        this.intake = intake;
        this.journal = journal;
    }

    public void cancel(Exchange exchange) {
        Optional<Participant> caller = gate.caller(exchange);
        if (caller.isEmpty() || !gate.takesWork(exchange)) {
            return;
        }
        String typeName = exchange.getMessage().getHeader("type", String.class);
        String id = exchange.getMessage().getHeader("id", String.class);
        Optional<MessageType> type = MessageType.byPath(typeName).filter(MessageType.FIRM_MESSAGES::contains);
        Optional<JournalEntry> current = type.flatMap(t -> journal.currentRevision(t, id))
                .filter(e -> e.isVisibleTo(caller.get().id()));
        if (current.isEmpty()) {
            // as for a lookup: another firm's identities reveal nothing
            Problem.of(404, "not-found", "No such document", "no " + typeName + " document " + id + " visible to "
                    + caller.get().id()).writeTo(exchange);
            return;
        }
        if (!current.get().envelope().sender().equals(caller.get().id()) || !intake.maySend(caller.get(), type.get())) {
            Problem.of(403, "not-your-document", "Not your document", "only " + current.get().envelope().sender()
                    + ", who sent " + typeName + " " + id + ", may cancel it").writeTo(exchange);
            return;
        }
        MessageIntake.Outcome outcome;
        try {
            outcome = intake.intake(caller.get(), type.get(), List.of(ParsedItem.ok(0,
                            current.get().envelope().payload(), DocumentAction.CANCEL)), Channel.REST,
                    "request " + exchange.getExchangeId(), Optional.empty());
        } catch (MessageIntake.KeyConflict e) {
            throw new IllegalStateException("a cancellation is taken without a key", e);
        }
        MessageIntake.ItemResult result = outcome.items().get(0);
        if (result.isAccepted() || result.isDuplicate()) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("type", typeName);
            answer.put("id", id);
            answer.put("state", "cancelled");
            answer.put("status", result.isAccepted() ? "cancelled" : "duplicate");
            answer.put("messageId", result.messageId());
            HttpReply.answer(exchange, result.isAccepted() ? 202 : 200, "cancellation", answer);
            return;
        }
        List<FieldError> errors = result.errors();
        boolean refused = errors.stream().anyMatch(e -> e.code().equals("REVISION_REFUSED"));
        Problem.of(refused ? 409 : 422, refused ? "revision-refused" : "invalid-message", "Not cancelled",
                errors.stream().map(FieldError::message).reduce((a, b) -> a + "; " + b).orElse("not cancelled"))
                .with("errors", errors).writeTo(exchange);
    }
}
