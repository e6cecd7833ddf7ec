package org.parkhub.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.parkhub.http.HttpReply;
import org.parkhub.http.Problem;
import org.parkhub.ingest.MessageSummary;
import org.parkhub.ingest.MessageView;
import org.parkhub.ingest.PageCursor;
import org.parkhub.journal.DeliveryLog;
import org.parkhub.journal.Journal;
import org.parkhub.journal.JournalEntry;
import org.parkhub.journal.MessageStatus;
import org.parkhub.model.MessageType;

/**
 * {@code /api/v1/admin/messages}: every firm's messages, searched by id, correlation key (order, logistics,
 * payment, inventory number, SKU, batch), type, sender, status and time, newest first and paged; and one
 * message with its lifecycle: every copy's delivery state and history.
 */
public class MessageAdmin {

    private static final int MAX_PAGE = 500;
    private final Journal journal;
    private final DeliveryLog deliveries;

    public MessageAdmin(Journal journal, DeliveryLog deliveries) {
        this.journal = journal;
        this.deliveries = deliveries;
    }

    /** {@code GET ?id=&key=&type=&sender=&status=&from=&to=&limit=&after=}. */
    public void search(Exchange exchange) {
        try {
            Journal.MessageQuery query = new Journal.MessageQuery(
                    QueryParameters.text(exchange, "id").orElse(null),
                    QueryParameters.text(exchange, "key").orElse(null),
                    type(exchange),
                    QueryParameters.text(exchange, "sender").orElse(null),
                    status(exchange),
                    QueryParameters.time(exchange, "from").orElse(null),
                    QueryParameters.time(exchange, "to").orElse(null));
            int limit = QueryParameters.limit(exchange, 50, MAX_PAGE);
            Journal.PagePosition after = after(exchange);
            List<JournalEntry> page = journal.search(query, after, limit);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("items", page.stream().map(MessageSummary::of).toList());
            answer.put("next", page.size() < limit ? null : PageCursor.encode(page.get(page.size() - 1)));
            HttpReply.answer(exchange, 200, "page", answer);
        } catch (QueryParameters.BadQuery e) {
            e.writeTo(exchange);
        }
    }

    /** {@code GET /{id}}. */
    public void detail(Exchange exchange) {
        String id = exchange.getMessage().getHeader("id", String.class);
        Optional<JournalEntry> entry = journal.find(id);
        if (entry.isEmpty()) {
            Problem.of(404, "not-found", "No such message", "no message " + id).writeTo(exchange);
            return;
        }
        HttpReply.answer(exchange, 200, "message", MessageView.forAdministrator(entry.get(), deliveries.events(id)));
    }

    private static MessageType type(Exchange exchange) throws QueryParameters.BadQuery {
        Optional<String> name = QueryParameters.text(exchange, "type");
        if (name.isEmpty()) {
            return null;
        }
        return MessageType.byPath(name.get()).orElseThrow(() ->
                new QueryParameters.BadQuery("type must be a message type such as order, not " + name.get()));
    }

    private static MessageStatus status(Exchange exchange) throws QueryParameters.BadQuery {
        Optional<String> name = QueryParameters.text(exchange, "status");
        try {
            return name.map(MessageStatus::valueOf).orElse(null);
        } catch (IllegalArgumentException e) {
            throw new QueryParameters.BadQuery("status is RECEIVED or ROUTED, not " + name.get());
        }
    }

    private static Journal.PagePosition after(Exchange exchange) throws QueryParameters.BadQuery {
        Optional<String> cursor = QueryParameters.text(exchange, "after");
        try {
            return cursor.map(PageCursor::decode).orElse(null);
        } catch (IllegalArgumentException e) {
            throw new QueryParameters.BadQuery("after is the 'next' value of the previous page");
        }
    }
}
