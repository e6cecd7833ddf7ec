package org.parkhub.ingest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.parkhub.http.ApiGate;
import org.parkhub.http.HttpReply;
import org.parkhub.http.Problem;
import org.parkhub.journal.Journal;
import org.parkhub.journal.SignedDocument;
import org.parkhub.journal.SignedDocuments;
import org.parkhub.participant.Participant;
import org.parkhub.participant.Role;

/**
 * {@code GET /api/v1/messages/{id}/signed-document}: the signed customs document a message was read from, as its
 * sender sent it, with what the hub found when it checked the signature. For whoever may see the message.
 */
public class SignedDocumentLookup {

    private final ApiGate gate;
    private final Journal journal;
    private final SignedDocuments documents;

    public SignedDocumentLookup(ApiGate gate, Journal journal, SignedDocuments documents) {
        this.gate = gate;
        this.journal = journal;
        this.documents = documents;
    }

    public void get(Exchange exchange) {
        Optional<Participant> caller = gate.caller(exchange);
        if (caller.isEmpty()) {
            return;
        }
        String id = exchange.getMessage().getHeader("id", String.class);
        boolean visible = journal.find(id).filter(e -> caller.get().hasRole(Role.ADMIN)
                || e.isVisibleTo(caller.get().id())).isPresent();
        Optional<SignedDocument> signed = visible ? documents.ofMessage(id) : Optional.empty();
        if (signed.isEmpty()) {
            Problem.of(404, "not-found", "No signed document", visible ? "message " + id
                    + " was not read from a signed customs document" : "no message " + id + " visible to "
                    + caller.get().id()).writeTo(exchange);
            return;
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("messageId", id);
        answer.put("sha256", signed.get().sha256());
        answer.put("signature", signed.get().signature());
        answer.put("verdict", signed.get().verdict());
        answer.put("document", signed.get().document());
        HttpReply.answer(exchange, 200, "signedDocument", answer);
    }
}
