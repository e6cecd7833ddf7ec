package org.parkhub.ingest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.parkhub.http.ApiGate;
import org.parkhub.http.HttpReply;
import org.parkhub.http.Problem;
import org.parkhub.journal.DeliveryLog;
import org.parkhub.journal.Journal;
import org.parkhub.journal.JournalEntry;
import org.parkhub.journal.SignedDocument;
import org.parkhub.model.Channel;
import org.parkhub.model.MessageType;
import org.parkhub.participant.Participant;
import org.parkhub.participant.Role;

/**
 * The REST ingress (docs/integrators.md): authenticates the API key, checks what the sender may send, reads,
 * validates and journals the items, and answers 202 / 207 / 422 with each item's message id or errors.
 */
public class RestIngress {

    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");

    private static final int DEFAULT_PAGE = 50;
    private static final int MAX_PAGE = 500;

    private final ApiGate gate;
    private final MessageIntake intake;
    private final Journal journal;
    private final DeliveryLog deliveries;
    private final long maxBodyBytes;

    public RestIngress(ApiGate gate, MessageIntake intake, Journal journal, DeliveryLog deliveries, long maxBodyBytes) {
        this.deliveries = deliveries;
        this.gate = gate;
        this.intake = intake;
        this.journal = journal;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** {@code POST /api/v1/messages/{type}}. */
    public void post(Exchange exchange) {
        Optional<Participant> sender = gate.caller(exchange);
        if (sender.isEmpty()) {
            return;
        }
        String typeName = exchange.getMessage().getHeader("type", String.class);
        Optional<MessageType> type = MessageType.byPath(typeName).filter(MessageType.FIRM_MESSAGES::contains);
        if (type.isEmpty()) {
            Problem.of(404, "unknown-type", "Unknown message type",
                    "'" + typeName + "' is not one of " + MessageType.FIRM_MESSAGES.stream().map(MessageType::path).sorted().toList())
                    .writeTo(exchange);
            return;
        }
        if (!intake.maySend(sender.get(), type.get())) {
            Problem.of(403, "not-permitted", "Not permitted",
                    sender.get().id() + " (" + sender.get().roles() + ") may not send " + type.get().path())
                    .writeTo(exchange);
            return;
        }
        if (!gate.takesWork(exchange)) {
            return;
        }
        Optional<RequestBody> request = RequestBody.of(exchange, maxBodyBytes, "application/json", "application/xml",
                "text/xml");
        if (request.isEmpty()) {
            return;
        }
        boolean json = request.get().isJson();
        String contentType = request.get().contentType();
        byte[] body = request.get().bytes();
        List<ParsedItem> items;
        try {
            String text = request.get().text();
            items = json ? PayloadReader.json(text, type.get()) : PayloadReader.xml(text, type.get());
        } catch (MalformedInputException e) {
            Problem.of(400, "malformed", "Malformed body", e.getMessage()).writeTo(exchange);
            return;
        }
        if (items.isEmpty()) {
            Problem.of(422, "invalid-message", "No message was accepted", "the request holds no items")
                    .with("accepted", 0).with("rejected", 0).with("items", List.of()).writeTo(exchange);
            return;
        }
        intakeAndAnswer(exchange, intake, sender.get(), type.get(), items, Channel.REST, contentType, body);
    }

    /**
     * Takes the items (with the request's Idempotency-Key, if any) and answers 202 / 207 / 422, 403 for
     * another firm's codes, 409 for a reused key. Shared by the canonical and the customs XML endpoints.
     */
    static void intakeAndAnswer(Exchange exchange, MessageIntake intake, Participant sender, MessageType type,
                                List<ParsedItem> items, Channel channel, String contentType, byte[] body) {
        intakeAndAnswer(exchange, intake, sender, type, items, channel, contentType, body, Optional.empty());
    }

    /** As above, for the items of a customs document: a signed one is kept with its messages. */
    static void intakeAndAnswer(Exchange exchange, MessageIntake intake, Participant sender, MessageType type,
                                List<ParsedItem> items, Channel channel, String contentType, byte[] body,
                                Optional<SignedDocument> signed) {
        String idempotencyKey = exchange.getMessage().getHeader("Idempotency-Key", String.class);
        if (idempotencyKey != null && !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            Problem.of(400, "bad-idempotency-key", "Unusable Idempotency-Key",
                    "an Idempotency-Key is 1 to 200 visible ASCII characters").writeTo(exchange);
            return;
        }
        MessageIntake.Outcome outcome;
        try {
            outcome = intake.intake(sender, type, items, channel, "request " + exchange.getExchangeId(),
                    Optional.ofNullable(idempotencyKey).map(k -> new MessageIntake.RequestKey(k,
                            Digests.sha256(type.path(), contentType, body))), signed);
        } catch (MessageIntake.KeyConflict e) {
            Problem.of(409, "idempotency-key-reused", "Idempotency-Key reused", e.getMessage()
                    + "; use a new key for a new request").writeTo(exchange);
            return;
        }
        if (outcome.foreignCodes()) {
            Problem.of(403, "not-your-codes", "Codes of another firm",
                    sender.id() + " may only send " + type.path() + " messages under its own codes")
                    .with("items", outcome.items()).writeTo(exchange);
        } else if (outcome.accepted() + outcome.duplicates() == 0) {
            Problem.of(422, "invalid-message", "No message was accepted",
                    outcome.rejected() + " of " + items.size() + " items have errors; see items[].errors")
                    .with("accepted", 0).with("rejected", outcome.rejected()).with("items", outcome.items())
                    .writeTo(exchange);
        } else {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("accepted", outcome.accepted());
            // documents journaled before with the same content: nothing taken again, each item names the message
            answer.put("duplicates", outcome.duplicates());
            answer.put("rejected", outcome.rejected());
            answer.put("items", outcome.items());
            HttpReply.answer(exchange, outcome.rejected() == 0 ? 202 : 207, "result", answer);
        }
    }

    /** {@code GET /api/v1/messages/{id}}: for the sender, the recipients and administrators. */
    public void get(Exchange exchange) {
        Optional<Participant> caller = gate.caller(exchange);
        if (caller.isEmpty()) {
            return;
        }
        String id = exchange.getMessage().getHeader("id", String.class);
        Optional<JournalEntry> entry = journal.find(id)
                .filter(e -> caller.get().hasRole(Role.ADMIN) || e.isVisibleTo(caller.get().id()));
        if (entry.isEmpty()) {
            // the same answer for "absent" and "not yours": another firm's message ids reveal nothing
            Problem.of(404, "not-found", "No such message", "no message " + id + " visible to " + caller.get().id())
                    .writeTo(exchange);
            return;
        }
        HttpReply.answer(exchange, 200, "message", MessageView.of(entry.get(), deliveries.events(id), caller.get()));
    }

    /** {@code GET /api/v1/messages?type=&limit=&after=}: the caller's own messages, newest first, a page at a time. */
    public void list(Exchange exchange) {
        Optional<Participant> caller = gate.caller(exchange);
        if (caller.isEmpty()) {
            return;
        }
        Message in = exchange.getMessage();
        String typeName = in.getHeader("type", String.class);
        Optional<MessageType> type = Optional.ofNullable(typeName).flatMap(MessageType::byPath);
        int limit;
        Journal.PagePosition after;
        try {
            limit = Optional.ofNullable(in.getHeader("limit", String.class)).map(Integer::parseInt).orElse(DEFAULT_PAGE);
            after = Optional.ofNullable(in.getHeader("after", String.class)).map(PageCursor::decode).orElse(null);
        } catch (IllegalArgumentException e) {
            Problem.of(400, "bad-query", "Bad query", "limit is a number from 1 to " + MAX_PAGE
                    + "; after is the 'next' value of the previous page").writeTo(exchange);
            return;
        }
        if (limit < 1 || limit > MAX_PAGE || (typeName != null && type.isEmpty())) {
            Problem.of(400, "bad-query", "Bad query", "limit is a number from 1 to " + MAX_PAGE
                    + (typeName != null && type.isEmpty() ? "; '" + typeName + "' is not a message type" : ""))
                    .writeTo(exchange);
            return;
        }
        List<JournalEntry> page = journal.sentBy(caller.get().id(), type.orElse(null), after, limit);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("items", page.stream().map(MessageSummary::of).toList());
        answer.put("next", page.size() < limit ? null : PageCursor.encode(page.get(page.size() - 1)));
        HttpReply.answer(exchange, 200, "page", answer);
    }
}
