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
import org.parkhub.model.Documents;
import org.parkhub.model.InventoryDeclaration;
import org.parkhub.model.MessageType;
import org.parkhub.participant.Participant;
import org.parkhub.participant.PartyCode;
import org.parkhub.validate.FieldError;

/**
 * {@code POST /api/v1/declarations/{copNo}/confirm}: the broker declares the draft the hub assembled for it, as it is.
 * The declaration is the draft's next revision, sent by the broker (the document becomes the broker's), and takes the
 * same intake as any declaration: routed to the platform, the merchant and customs. A broker that wants to change
 * the draft sends the declaration itself (CEB621 with the draft's copNo) on any channel instead.
 */
public class DraftConfirmation {

    private final ApiGate gate;
    private final MessageIntake intake;
    private final Journal journal;

    public DraftConfirmation(ApiGate gate, MessageIntake intake, Journal journal) {
        this.gate = gate;
        this.intake = intake;
        this.journal = journal;
    }

    public void confirm(Exchange exchange) {
        Optional<Participant> caller = gate.caller(exchange);
        if (caller.isEmpty() || !gate.takesWork(exchange)) {
            return;
        }
        String copNo = exchange.getMessage().getHeader("copNo", String.class);
        Optional<InventoryDeclaration> draft = caller.get().code(PartyCode.AGENT).flatMap(agentCode -> journal
                .currentRevision(MessageType.INVENTORY_DECLARATION, Documents.fold(agentCode) + ":" + Documents.fold(copNo)))
                .map(JournalEntry::envelope).filter(e -> e.action() != DocumentAction.CANCEL)
                .map(e -> (InventoryDeclaration) e.payload()).filter(InventoryDeclaration::isDraft);
        if (draft.isEmpty()) {
            Problem.of(404, "not-found", "No such draft", "no declaration draft " + copNo + " for "
                    + caller.get().id()).writeTo(exchange);
            return;
        }
        if (!intake.maySend(caller.get(), MessageType.INVENTORY_DECLARATION)) {
            Problem.of(403, "forbidden", "Not a declarant", caller.get().id() + " may not declare").writeTo(exchange);
            return;
        }
        MessageIntake.Outcome outcome;
        try {
            outcome = intake.intake(caller.get(), MessageType.INVENTORY_DECLARATION, List.of(ParsedItem.ok(0,
                    draft.get().confirmed(), DocumentAction.MODIFY)), Channel.REST, "request " + exchange.getExchangeId()
                    + ": draft " + copNo + " confirmed", Optional.empty());
        } catch (MessageIntake.KeyConflict e) {
            throw new IllegalStateException("a confirmation is taken without a key", e);
        }
        MessageIntake.ItemResult result = outcome.items().get(0);
        if (result.isAccepted() || result.isDuplicate()) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("copNo", copNo);
            answer.put("status", result.isAccepted() ? "declared" : "duplicate");
            answer.put("messageId", result.messageId());
            HttpReply.answer(exchange, 202, "confirmation", answer);
            return;
        }
        List<FieldError> errors = result.errors();
        Problem.of(422, "invalid-message", "Not declared", errors.stream().map(FieldError::message)
                .reduce((a, b) -> a + "; " + b).orElse("not declared")).with("errors", errors).writeTo(exchange);
    }
}
