package org.parkhub.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.parkhub.http.HttpReply;
import org.parkhub.http.Problem;
import org.parkhub.journal.DeadLetter;
import org.parkhub.journal.DeliveryLog;
import org.parkhub.journal.DeliveryLog.DeadLetterFilter;
import org.parkhub.journal.Journal;
import org.parkhub.journal.JournalEntry;
import org.parkhub.model.CanonicalMapper;
import org.parkhub.model.MessageType;
import org.parkhub.participant.Participant;
import org.parkhub.routing.DeliveryCopy;

/**
 * {@code /api/v1/admin/dead-letters}: copies that used up their attempts, listed with the reason; replayed
 * (the journaled canonical message goes back on the recipient's queue with fresh attempts) or discarded,
 * one by message id or all matching a filter.
 */
public class DeadLetterAdmin {

    private static final int MAX_LIST = 500;
    /** How many dead letters one replay or discard request handles at most; repeat it for more. */
    private static final int MAX_BATCH = 1000;
    private final DeliveryLog log;
    private final Journal journal;
    private final ProducerTemplate producer;
    private final AuditLog audit;

    public DeadLetterAdmin(DeliveryLog log, Journal journal, ProducerTemplate producer, AuditLog audit) {
        this.audit = audit;
        this.log = log;
        this.journal = journal;
        this.producer = producer;
    }

    /** {@code GET ?recipient=&type=&messageId=&limit=}. */
    public void list(Exchange exchange) {
        Optional<DeadLetterFilter> filter = filter(exchange, new DeadLetterFilter(
                exchange.getMessage().getHeader("recipient", String.class),
                exchange.getMessage().getHeader("type", String.class),
                exchange.getMessage().getHeader("messageId", String.class)));
        if (filter.isEmpty()) {
            return;
        }
        try {
            int limit = QueryParameters.limit(exchange, 100, MAX_LIST);
            HttpReply.answer(exchange, 200, "deadLetters", Map.of("deadLetters", log.deadLetters(filter.get(), limit)));
        } catch (QueryParameters.BadQuery e) {
            e.writeTo(exchange);
        }
    }

    /** {@code POST /replay} with a filter body: each matching dead letter is queued again. */
    public void replay(Exchange exchange) {
        act(exchange, (letter, admin) -> {
            JournalEntry entry = journal.find(letter.messageId()).orElseThrow(() ->
                    new IllegalStateException("dead letter " + letter.messageId() + " is not in the journal"));
            // fresh attempts before the copy is queued: its consumer may take it at once
            if (!log.replayed(letter.messageId(), letter.recipient(), admin.name())) {
                return false;
            }
            try {
                producer.sendBodyAndHeaders("jms:queue:" + Participant.deliveryQueue(letter.recipient()),
                        CanonicalMapper.toJson(entry.envelope()), DeliveryCopy.headers(entry.envelope(), letter.recipient(),
                                letter.messageId() + "/" + letter.recipient() + "/replay-" + UUID.randomUUID()));
            } catch (RuntimeException e) {
                log.dead(letter.messageId(), letter.recipient(), "the replay could not be queued: " + e.getMessage());
                throw e;
            }
            return true;
        }, "replayed");
    }

    /** {@code POST /discard} with a filter body: each matching dead letter is given up for good. */
    public void discard(Exchange exchange) {
        act(exchange, (letter, admin) -> log.discarded(letter.messageId(), letter.recipient(), admin.name()), "discarded");
    }

    @FunctionalInterface
    private interface Action {
        boolean apply(DeadLetter letter, Admin admin);
    }

    private void act(Exchange exchange, Action action, String done) {
        Admin admin = Admin.of(exchange);
        Optional<DeadLetterFilter> requested = JsonRequest.read(exchange, DeadLetterFilter.class, "a dead-letter filter");
        if (requested.isEmpty()) {
            return;
        }
        Optional<DeadLetterFilter> filter = filter(exchange, requested.get());
        if (filter.isEmpty()) {
            return;
        }
        if (filter.get().recipient() == null && filter.get().type() == null && filter.get().messageId() == null) {
            Problem.of(422, "filter-required", "Filter required",
                    "name a recipient, a type or a messageId (all dead letters at once is too easy to do by mistake)")
                    .writeTo(exchange);
            return;
        }
        List<Map<String, String>> handled = new ArrayList<>();
        for (DeadLetter letter : log.deadLetters(filter.get(), MAX_BATCH)) {
            if (action.apply(letter, admin)) {
                Map<String, String> item = new LinkedHashMap<>();
                item.put("messageId", letter.messageId());
                item.put("recipient", letter.recipient());
                handled.add(item);
            }
        }
        audit.record(admin.name(), "dead-letters-" + done, filter.get().toString(), handled.size() + " " + done);
        HttpReply.answer(exchange, 200, done, Map.of(done, handled));
    }

    /** The filter with its type checked (the journal stores the enum name); empty after answering 400. */
    private static Optional<DeadLetterFilter> filter(Exchange exchange, DeadLetterFilter filter) {
        if (filter.type() == null) {
            return Optional.of(filter);
        }
        Optional<MessageType> type = MessageType.byPath(filter.type());
        if (type.isEmpty()) {
            Problem.of(400, "bad-query", "Bad query", "type must be a message type such as order, not " + filter.type())
                    .writeTo(exchange);
            return Optional.empty();
        }
        return Optional.of(new DeadLetterFilter(filter.recipient(), type.get().name(), filter.messageId()));
    }
}
