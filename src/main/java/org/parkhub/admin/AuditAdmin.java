package org.parkhub.admin;

import java.util.Map;

import org.apache.camel.Exchange;
import org.parkhub.http.HttpReply;

/** {@code GET /api/v1/admin/audit?limit=&before=}: what administrators did, newest first. */
public class AuditAdmin {

    private static final int MAX_LIST = 500;
    private final AuditLog audit;

    public AuditAdmin(AuditLog audit) {
        this.audit = audit;
    }

    public void list(Exchange exchange) {
        try {
            int limit = QueryParameters.limit(exchange, 100, MAX_LIST);
            Long before = QueryParameters.number(exchange, "before").orElse(null);
            HttpReply.answer(exchange, 200, "audit", Map.of("entries", audit.recent(limit, before)));
        } catch (QueryParameters.BadQuery e) {
            e.writeTo(exchange);
        }
    }
}
