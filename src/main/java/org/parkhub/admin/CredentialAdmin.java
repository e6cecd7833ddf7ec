package org.parkhub.admin;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.Exchange;
import org.parkhub.http.HttpReply;
import org.parkhub.http.Problem;
import org.parkhub.participant.ApiKey;
import org.parkhub.participant.NewSecret;
import org.parkhub.participant.ParticipantChanges;
import org.parkhub.participant.ParticipantStore;
import org.parkhub.participant.SecretHasher;

/**
 * Credential rotation by administrators: a new API key (the replaced one stays valid for a grace period so
 * that the firm can switch its systems over) or a new FTP password (the old one stops at once). The new
 * secret is in the answer only; the hub keeps its hash.
 */
public class CredentialAdmin {
    private final ParticipantStore store;
    private final ParticipantChanges changes;
    private final SecretHasher hasher;
    private final Duration defaultGrace;
    private final AuditLog audit;

    public CredentialAdmin(ParticipantStore store, ParticipantChanges changes, SecretHasher hasher,
                           Duration defaultGrace, AuditLog audit) {
        this.store = store;
        this.changes = changes;
        this.hasher = hasher;
        this.defaultGrace = defaultGrace;
        this.audit = audit;
    }

    /** {@code POST /api/v1/admin/participants/{id}/api-key?graceSeconds=}. */
    public void rotateApiKey(Exchange exchange) {
        Admin admin = Admin.of(exchange);
        String id = exchange.getMessage().getHeader("id", String.class);
        Duration grace;
        try {
            grace = QueryParameters.number(exchange, "graceSeconds").map(Duration::ofSeconds).orElse(defaultGrace);
        } catch (QueryParameters.BadQuery e) {
            e.writeTo(exchange);
            return;
        }
        if (grace.isNegative()) {
            Problem.of(400, "bad-query", "Bad query", "graceSeconds cannot be negative").writeTo(exchange);
            return;
        }
        ApiKey apiKey = ApiKey.generate();
        OffsetDateTime graceUntil = OffsetDateTime.now().plus(grace);
        if (!store.rotateApiKey(id, apiKey.id(), hasher.hash(apiKey.text()), graceUntil)) {
            notFound(exchange, id);
            return;
        }
        changes.credentialsChanged();
        audit.record(admin.name(), "api-key-rotated", id, "previous key valid until " + graceUntil);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("participant", id);
        answer.put("apiKey", apiKey.text());
        answer.put("previousKeyValidUntil", graceUntil);
        HttpReply.answer(exchange, 200, "apiKey", answer);
    }

    /** {@code POST /api/v1/admin/participants/{id}/ftp-password}. */
    public void rotateFtpPassword(Exchange exchange) {
        Admin admin = Admin.of(exchange);
        String id = exchange.getMessage().getHeader("id", String.class);
        String password = NewSecret.ftpPassword();
        if (!store.setFtpPassword(id, hasher.hash(password))) {
            notFound(exchange, id);
            return;
        }
        changes.credentialsChanged();
        audit.record(admin.name(), "ftp-password-rotated", id, null);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("participant", id);
        answer.put("ftpPassword", password);
        HttpReply.answer(exchange, 200, "ftpPassword", answer);
    }

    private static void notFound(Exchange exchange, String id) {
        Problem.of(404, "not-found", "No such participant", "no participant " + id).writeTo(exchange);
    }
}
