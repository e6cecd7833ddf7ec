package org.parkhub.admin;

import java.util.Map;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.parkhub.http.HttpReply;
import org.parkhub.http.Problem;
import org.parkhub.ingest.DocumentLookup;
import org.parkhub.journal.Journal;
import org.parkhub.model.MessageType;

/**
 * {@code /api/v1/admin/documents}: the console's Documents page. Documents found by type and part of their identity,
 * the last changed first; one document's history with each revision's changes and copies, as a firm's lookup
 * answers it ({@link DocumentLookup}) but for every firm's documents.
 */
public class DocumentAdmin {

    private static final int MAX_PAGE = 200;
    private final Journal journal;
    private final DocumentLookup lookup;

    public DocumentAdmin(Journal journal, DocumentLookup lookup) {
        this.journal = journal;
        this.lookup = lookup;
    }

    /** {@code GET ?type=&id=&limit=}: {@code id} matches any part of the identity. */
    public void search(Exchange exchange) {
        try {
            Optional<String> typeName = QueryParameters.text(exchange, "type");
            MessageType type = typeName.isEmpty() ? null : MessageType.byPath(typeName.get()).orElseThrow(() ->
                    new QueryParameters.BadQuery("type must be a message type such as order, not " + typeName.get()));
            HttpReply.answer(exchange, 200, "documents", Map.of("items", journal.documents(type,
                    QueryParameters.text(exchange, "id").orElse(null), QueryParameters.limit(exchange, 50, MAX_PAGE))));
        } catch (QueryParameters.BadQuery e) {
            e.writeTo(exchange);
        }
    }

    /** {@code GET /{type}/{id}}. */
    public void detail(Exchange exchange) {
        String type = exchange.getMessage().getHeader("type", String.class);
        String id = exchange.getMessage().getHeader("id", String.class);
        Optional<DocumentLookup.History> history = lookup.historyForAdministrator(type, id);
        if (history.isEmpty()) {
            Problem.of(404, "not-found", "No such document", "no " + type + " document " + id).writeTo(exchange);
            return;
        }
        HttpReply.answer(exchange, 200, "document", history.get());
    }
}
