package org.parkhub.admin;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.parkhub.ingest.HttpReply;
import org.parkhub.ingest.Problem;
import org.parkhub.participant.CredentialCheck;
import org.parkhub.participant.ParticipantDirectory;
import org.parkhub.participant.ParticipantStore;
import org.parkhub.participant.SecretHasher;

/**
 * API key rotation by administrators (credentials of ADMIN participants only), where the
 * replaced key stays valid for a grace period so that the firm can switch its systems over.
 */
public class AdminApi {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final AdminAccess access;
    private final CredentialCheck credentials;
    private final ParticipantStore store;
    private final ParticipantDirectory directory;
    private final SecretHasher hasher;
    private final Duration defaultGrace;
    private final AuditLog audit;

    public AdminApi(AdminAccess access, CredentialCheck credentials, ParticipantStore store, ParticipantDirectory directory,
                    SecretHasher hasher, Duration defaultGrace, AuditLog audit) {
        this.audit = audit;
        this.access = access;
        this.credentials = credentials;
        this.store = store;
        this.directory = directory;
        this.hasher = hasher;
        this.defaultGrace = defaultGrace;
    }

    /** {@code POST /api/v1/admin/participants/{id}/api-key?graceSeconds=}: a new key, shown once. */
    public void rotateApiKey(Exchange exchange) {
        Optional<Admin> admin = access.administrator(exchange);
        if (admin.isEmpty()) {
            return;
        }
        String id = exchange.getMessage().getHeader("id", String.class);
        Duration grace;
        try {
            grace = Optional.ofNullable(exchange.getMessage().getHeader("graceSeconds", String.class))
                    .map(Long::parseLong).map(Duration::ofSeconds).orElse(defaultGrace);
        } catch (NumberFormatException e) {
            Problem.of(400, "bad-query", "Bad query", "graceSeconds is a whole number of seconds").writeTo(exchange);
            return;
        }
        if (grace.isNegative()) {
            Problem.of(400, "bad-query", "Bad query", "graceSeconds cannot be negative").writeTo(exchange);
            return;
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String apiKey = "pk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        OffsetDateTime graceUntil = OffsetDateTime.now().plus(grace);
        if (!store.rotateApiKey(id, hasher.hash(apiKey), graceUntil)) {
            Problem.of(404, "not-found", "No such participant", "no participant " + id).writeTo(exchange);
            return;
        }
        directory.reload();
        credentials.forget();
        audit.record(admin.get().name(), "api-key-rotated", id, "previous key valid until " + graceUntil); // keys remembered as verified must be checked again
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("participant", id);
        answer.put("apiKey", apiKey);
        answer.put("previousKeyValidUntil", graceUntil);
        HttpReply.answer(exchange, 200, "apiKey", answer);
    }

}
