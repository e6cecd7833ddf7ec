package org.parkhub.participant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Verifies API keys and passwords against the stored salted hashes. Argon2 is slow on purpose, so
 * verified secrets are remembered in memory by their SHA-256 digest (never in clear) until participants change.
 */
public class CredentialCheck {

    private static final int MAX_REMEMBERED_FAILURES = 10_000;

    private final ParticipantDirectory directory;
    private final SecretHasher hasher;
    private final Map<String, String> verified = new ConcurrentHashMap<>();
    private final Map<String, Boolean> failed = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > MAX_REMEMBERED_FAILURES;
        }
    });

    public CredentialCheck(ParticipantDirectory directory, SecretHasher hasher) {
        this.directory = directory;
        this.hasher = hasher;
    }

    /** The participant whose API key this is (REST bearer tokens carry no participant id). */
    public Optional<Participant> byApiKey(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            return Optional.empty();
        }
        String digest = digest("api-key", apiKey);
        String known = verified.get(digest);
        if (known != null) {
            return directory.byId(known);
        }
        if (failed.containsKey(digest)) {
            return Optional.empty();
        }
        for (ParticipantStore.Stored stored : directory.allCredentials()) {
            if (hasher.matches(apiKey, stored.apiKeyHash())) {
                verified.put(digest, stored.participant().id());
                return Optional.of(stored.participant());
            }
            if (stored.previousApiKeyHash(OffsetDateTime.now()).filter(hash -> hasher.matches(apiKey, hash)).isPresent()) {
                return Optional.of(stored.participant()); // not remembered: its grace runs out
            }
        }
        failed.put(digest, Boolean.TRUE);
        return Optional.empty();
    }

    /** Participant id and API key, as the broker and other user/password channels present them. */
    public Optional<Participant> byIdAndApiKey(String id, String apiKey) {
        Optional<Participant> current = byIdAndSecret(id, apiKey, "api-key", ParticipantStore.Stored::apiKeyHash);
        if (current.isPresent() || apiKey == null) {
            return current;
        }
        return directory.credentials(id)
                .filter(stored -> stored.previousApiKeyHash(OffsetDateTime.now())
                        .filter(hash -> hasher.matches(apiKey, hash)).isPresent())
                .map(ParticipantStore.Stored::participant);
    }

    public Optional<Participant> byIdAndFtpPassword(String id, String password) {
        return byIdAndSecret(id, password, "ftp", ParticipantStore.Stored::ftpPasswordHash);
    }

    /** Forget everything verified so far: after a credential rotation or a participant change. */
    public void forget() {
        verified.clear();
        failed.clear();
    }

    private Optional<Participant> byIdAndSecret(String id, String secret, String kind,
                                                Function<ParticipantStore.Stored, String> hashOf) {
        if (id == null || secret == null) {
            return Optional.empty();
        }
        String digest = digest(kind + ":" + id, secret);
        if (verified.containsKey(digest)) {
            return directory.byId(id);
        }
        if (failed.containsKey(digest)) {
            return Optional.empty();
        }
        Optional<ParticipantStore.Stored> stored = directory.credentials(id);
        if (stored.isPresent() && hasher.matches(secret, hashOf.apply(stored.get()))) {
            verified.put(digest, id);
            return Optional.of(stored.get().participant());
        }
        failed.put(digest, Boolean.TRUE);
        return Optional.empty();
    }

    private static String digest(String scope, String secret) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(scope.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return HexFormat.of().formatHex(sha.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
