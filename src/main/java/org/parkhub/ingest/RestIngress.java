package org.parkhub.ingest;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.camel.Exchange;
import org.parkhub.journal.Incoming;
import org.parkhub.journal.Journal;
import org.parkhub.journal.JournalEntry;
import org.parkhub.model.Channel;
import org.parkhub.model.Envelope;
import org.parkhub.model.MessageType;
import org.parkhub.participant.CredentialCheck;
import org.parkhub.participant.Participant;
import org.parkhub.participant.Role;
import org.parkhub.validate.FieldError;
import org.parkhub.validate.Findings;
import org.parkhub.validate.MessageValidator;

/**
 * The REST ingress (ARCHITECTURE A3): authenticates the API key, checks what the sender may send, reads,
 * validates and journals the items, and answers 202 / 207 / 422 with each item's message id or errors.
 */
public class RestIngress {

    /** The types firms post over REST; customs documents come through the CEB ingress. */
    static final Set<MessageType> REST_TYPES = Set.of(MessageType.PRODUCT, MessageType.STOCK_MOVEMENT,
            MessageType.ORDER, MessageType.PAYMENT, MessageType.WAYBILL, MessageType.SHIPMENT_EVENT);

    private final CredentialCheck credentials;
    private final MessageValidator validator;
    private final Journal journal;
    private final long maxBodyBytes;

    public RestIngress(CredentialCheck credentials, MessageValidator validator, Journal journal, long maxBodyBytes) {
        this.credentials = credentials;
        this.validator = validator;
        this.journal = journal;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** {@code POST /api/v1/messages/{type}}. */
    public void post(Exchange exchange) {
        Optional<Participant> sender = authenticate(exchange);
        if (sender.isEmpty()) {
            return;
        }
        String typeName = exchange.getMessage().getHeader("type", String.class);
        Optional<MessageType> type = MessageType.byPath(typeName).filter(REST_TYPES::contains);
        if (type.isEmpty()) {
            Problem.of(404, "unknown-type", "Unknown message type",
                    "'" + typeName + "' is not one of " + REST_TYPES.stream().map(MessageType::path).sorted().toList())
                    .writeTo(exchange);
            return;
        }
        if (!SenderPolicy.maySend(sender.get(), type.get())) {
            Problem.of(403, "not-permitted", "Not permitted",
                    sender.get().id() + " (" + sender.get().roles() + ") may not send " + type.get().path())
                    .writeTo(exchange);
            return;
        }
        String contentType = Optional.ofNullable(exchange.getMessage().getHeader(Exchange.CONTENT_TYPE, String.class))
                .orElse("").toLowerCase(Locale.ROOT);
        boolean json = contentType.startsWith("application/json");
        boolean xml = contentType.startsWith("application/xml") || contentType.startsWith("text/xml");
        if (!json && !xml) {
            Problem.of(415, "unsupported-media-type", "Unsupported content type",
                    "send application/json or application/xml, not '" + contentType + "'").writeTo(exchange);
            return;
        }
        byte[] body = Optional.ofNullable(exchange.getMessage().getBody(byte[].class)).orElse(new byte[0]);
        if (body.length > maxBodyBytes) {
            Problem.of(413, "too-large", "Request too large",
                    "the body has " + body.length + " bytes; the limit is " + maxBodyBytes).writeTo(exchange);
            return;
        }
        String text = new String(body, charset(contentType));
        List<ParsedItem> items;
        try {
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
        List<Map<String, Object>> foreign = foreignCodes(sender.get(), type.get(), items);
        if (!foreign.isEmpty()) {
            Problem.of(403, "not-your-codes", "Codes of another firm",
                    sender.get().id() + " may only send " + type.get().path() + " messages under its own codes")
                    .with("items", foreign).writeTo(exchange);
            return;
        }
        accept(exchange, sender.get(), items);
    }

    /** {@code GET /api/v1/messages/{id}}: for the sender, the recipients and administrators. */
    public void get(Exchange exchange) {
        Optional<Participant> caller = authenticate(exchange);
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
        HttpReply.json(exchange, 200, MessageView.of(entry.get()));
    }

    private Optional<Participant> authenticate(Exchange exchange) {
        String authorization = exchange.getMessage().getHeader("Authorization", String.class);
        Optional<Participant> participant = Optional.empty();
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            participant = credentials.byApiKey(authorization.substring(7).trim());
        }
        if (participant.isEmpty()) {
            Problem.of(401, "unauthenticated", "Authentication required",
                    authorization == null ? "send Authorization: Bearer <api key>" : "the API key is not valid")
                    .writeTo(exchange);
            exchange.getMessage().setHeader("WWW-Authenticate", "Bearer realm=\"parkhub\"");
        }
        return participant;
    }

    private static List<Map<String, Object>> foreignCodes(Participant sender, MessageType type, List<ParsedItem> items) {
        List<Map<String, Object>> foreign = new ArrayList<>();
        for (ParsedItem item : items) {
            if (item.payload() != null) {
                List<FieldError> errors = SenderPolicy.foreignCodes(sender, type, item.payload());
                if (!errors.isEmpty()) {
                    foreign.add(itemResult(item.index(), null, errors, List.of()));
                }
            }
        }
        return foreign;
    }

    private void accept(Exchange exchange, Participant sender, List<ParsedItem> items) {
        String requestId = exchange.getExchangeId();
        List<Incoming> valid = new ArrayList<>();
        List<Integer> validIndexes = new ArrayList<>();
        Map<Integer, Map<String, Object>> results = new LinkedHashMap<>();
        Map<Integer, List<FieldError>> warnings = new LinkedHashMap<>();
        for (ParsedItem item : items) {
            if (!item.errors().isEmpty()) {
                results.put(item.index(), itemResult(item.index(), null, item.errors(), List.of()));
                continue;
            }
            Findings findings = validator.validate(item.payload());
            if (findings.hasErrors()) {
                results.put(item.index(), itemResult(item.index(), null, findings.errors(), findings.warnings()));
            } else {
                valid.add(new Incoming(item.payload(), "request " + requestId + " item " + item.index()));
                validIndexes.add(item.index());
                warnings.put(item.index(), findings.warnings());
                results.put(item.index(), null);
            }
        }
        List<Envelope> journaled = valid.isEmpty() ? List.of() : journal.accept(sender.id(), Channel.REST, valid);
        for (int i = 0; i < journaled.size(); i++) {
            int index = validIndexes.get(i);
            results.put(index, itemResult(index, journaled.get(i).messageId(), List.of(), warnings.get(index)));
        }
        int accepted = journaled.size();
        int rejected = items.size() - accepted;
        List<Map<String, Object>> itemResults = new ArrayList<>(results.values());
        if (accepted == 0) {
            Problem.of(422, "invalid-message", "No message was accepted",
                    rejected + " of " + items.size() + " items have errors; see items[].errors")
                    .with("accepted", 0).with("rejected", rejected).with("items", itemResults).writeTo(exchange);
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accepted", accepted);
        body.put("rejected", rejected);
        body.put("items", itemResults);
        HttpReply.json(exchange, rejected == 0 ? 202 : 207, body);
    }

    private static Map<String, Object> itemResult(int index, String messageId, List<FieldError> errors,
                                                  List<FieldError> warnings) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("index", index);
        result.put("status", messageId == null ? "rejected" : "accepted");
        if (messageId != null) {
            result.put("messageId", messageId);
        }
        if (!errors.isEmpty()) {
            result.put("errors", errors);
        }
        if (!warnings.isEmpty()) {
            result.put("warnings", warnings);
        }
        return result;
    }

    private static Charset charset(String contentType) {
        int at = contentType.indexOf("charset=");
        if (at < 0) {
            return StandardCharsets.UTF_8;
        }
        String name = contentType.substring(at + 8).split("[;\\s]")[0].replace("\"", "");
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }
}
