package org.parkhub.participant;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

import org.apache.commons.codec.digest.DigestUtils;
import org.parkhub.guard.GuessThrottle;

/**
 * Verifies API keys and passwords against the stored salted hashes. Argon2 is slow on purpose, so a check costs
 * at most one hash: an API key's id names the one key to check (an id nobody holds is refused without hashing),
 * and secrets verified or refused before are remembered in memory by their SHA-256 digest (never in clear) until
 * participants change. A check that has to hash first takes the caller's {@link GuessThrottle.Turn}.
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
    /** A key without id is looked for among all such keys, one hash each: one search at a time, so it has one core. */
    private final Semaphore searchWithoutId = new Semaphore(1);

    public CredentialCheck(ParticipantDirectory directory, SecretHasher hasher) {
        this.directory = directory;
        this.hasher = hasher;
    }

    /** The participant whose key the key's id names (no secret is checked): whom a guess at this key is against. */
    public Optional<String> namedBy(String apiKey) {
        return ApiKey.parse(apiKey).flatMap(key -> directory.apiKey(key.id())).map(named -> named.holder().participant().id());
    }

    /** The participant whose API key this is (REST bearer tokens carry no participant id). */
    public Optional<Participant> byApiKey(String apiKey, GuessThrottle.Turn turn) throws GuessThrottle.Slowed {
        if (apiKey == null || apiKey.isBlank()) {
            return Optional.empty();
        }
        Optional<ApiKey> withId = ApiKey.parse(apiKey);
        if (withId.isPresent()) {
            Optional<ParticipantDirectory.NamedKey> named = directory.apiKey(withId.get().id());
            return named.isEmpty() ? Optional.empty() : check(named.get(), apiKey, turn);
        }
        return searchWithoutId(apiKey, directory.apiKeysWithoutId(), turn);
    }

    /** Participant id and API key, as the broker and other user/password channels present them. */
    public Optional<Participant> byIdAndApiKey(String id, String apiKey, GuessThrottle.Turn turn)
            throws GuessThrottle.Slowed {
        if (id == null || apiKey == null) {
            return Optional.empty();
        }
        Optional<ApiKey> withId = ApiKey.parse(apiKey);
        if (withId.isPresent()) {
            Optional<ParticipantDirectory.NamedKey> named = directory.apiKey(withId.get().id())
                    .filter(key -> key.holder().participant().id().equals(id));
            return named.isEmpty() ? Optional.empty() : check(named.get(), apiKey, turn);
        }
        return searchWithoutId(apiKey, directory.apiKeysWithoutId().stream()
                .filter(key -> key.holder().participant().id().equals(id)).toList(), turn);
    }

    /** An FTP login; the FTP server's login guard throttles guesses before the password comes here. */
    public Optional<Participant> byIdAndFtpPassword(String id, String password) {
        if (id == null || password == null) {
            return Optional.empty();
        }
        Optional<ParticipantStore.Stored> stored = directory.credentials(id);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        String digest = digest("ftp:" + id, password);
        if (verified.containsKey(digest)) {
            return directory.byId(id);
        }
        if (failed.containsKey(digest)) {
            return Optional.empty();
        }
        return remember(digest, hasher.matches(password, stored.get().ftpPasswordHash()) ? stored : Optional.empty(), true);
    }

    /** Forget everything verified so far: after a credential rotation or a participant change. */
    public void forget() {
        verified.clear();
        failed.clear();
    }

    private Optional<Participant> check(ParticipantDirectory.NamedKey key, String apiKey, GuessThrottle.Turn turn)
            throws GuessThrottle.Slowed {
        if (!key.validAt(OffsetDateTime.now())) {
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
        turn.take();
        // a rotated-out key is not remembered: its grace runs out
        return remember(digest, hasher.matches(apiKey, key.hash()) ? Optional.of(key.holder()) : Optional.empty(),
                key.validUntil() == null);
    }

    private Optional<Participant> searchWithoutId(String apiKey, List<ParticipantDirectory.NamedKey> candidates,
                                                  GuessThrottle.Turn turn) throws GuessThrottle.Slowed {
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        String digest = digest("api-key", apiKey);
        String known = verified.get(digest);
        if (known != null) {
            return candidates.stream().map(key -> key.holder().participant())
                    .filter(participant -> participant.id().equals(known)).findFirst();
        }
        if (failed.containsKey(digest)) {
            return Optional.empty();
        }
        turn.take();
        if (!searchWithoutId.tryAcquire()) {
            throw new GuessThrottle.Slowed(Duration.ofSeconds(1));
        }
        try {
            OffsetDateTime now = OffsetDateTime.now();
            for (ParticipantDirectory.NamedKey key : candidates) {
                if (key.validAt(now) && hasher.matches(apiKey, key.hash())) {
                    return remember(digest, Optional.of(key.holder()), key.validUntil() == null);
                }
            }
            return remember(digest, Optional.empty(), true);
        } finally {
            searchWithoutId.release();
        }
    }

    private Optional<Participant> remember(String digest, Optional<ParticipantStore.Stored> match, boolean lasting) {
        if (match.isEmpty()) {
            failed.put(digest, Boolean.TRUE);
            return Optional.empty();
        }
        if (lasting) {
            verified.put(digest, match.get().participant().id());
        }
        return Optional.of(match.get().participant());
    }

    private static String digest(String scope, String secret) {
        return DigestUtils.sha256Hex(scope + '\0' + secret);
    }
}
