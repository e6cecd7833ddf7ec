package org.parkhub.participant;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The participants of the park, held in memory for the lookups every message needs (by id, by customs
 * code, by role). Reloaded from the store whenever participants change.
 */
public class ParticipantDirectory {

    private final ParticipantStore store;
    private volatile Snapshot snapshot = new Snapshot(List.of());

    public ParticipantDirectory(ParticipantStore store) {
        this.store = store;
    }

    public void reload() {
        snapshot = new Snapshot(store.findAll());
    }

    public Collection<Participant> all() {
        return snapshot.byId.values();
    }

    public Optional<Participant> byId(String id) {
        return Optional.ofNullable(snapshot.byId.get(id));
    }

    public Optional<Participant> byCode(PartyCode type, String code) {
        if (code == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(snapshot.byCode.get(type.fieldName() + "=" + code));
    }

    public List<Participant> withRole(Role role) {
        return snapshot.byId.values().stream().filter(p -> p.hasRole(role)).toList();
    }

    /** Hashes are only handed to the credential check, never out of the participant package. */
    Optional<ParticipantStore.Stored> credentials(String id) {
        return Optional.ofNullable(snapshot.stored.get(id));
    }

    /** The API key a key id names, if any participant holds it. */
    Optional<NamedKey> apiKey(String keyId) {
        return Optional.ofNullable(snapshot.keysById.get(keyId));
    }

    /** The API keys made before key ids (current, and previous in their grace): only these need a search. */
    List<NamedKey> apiKeysWithoutId() {
        return snapshot.keysWithoutId;
    }

    /** An API key's hash and whose it is; a rotated-out key is valid until its grace ends (null: the current key). */
    record NamedKey(ParticipantStore.Stored holder, String hash, OffsetDateTime validUntil) {

        boolean validAt(OffsetDateTime now) {
            return validUntil == null || now.isBefore(validUntil);
        }
    }

    private static final class Snapshot {
        final Map<String, ParticipantStore.Stored> stored;
        final Map<String, Participant> byId;
        final Map<String, Participant> byCode;
        final Map<String, NamedKey> keysById = new HashMap<>();
        final List<NamedKey> keysWithoutId = new ArrayList<>();

        Snapshot(List<ParticipantStore.Stored> rows) {
            for (ParticipantStore.Stored row : rows) {
                if (row.previousApiKeyHash() != null && row.previousApiKeyUntil() != null) {
                    add(row.previousApiKeyId(), new NamedKey(row, row.previousApiKeyHash(), row.previousApiKeyUntil()));
                }
            }
            for (ParticipantStore.Stored row : rows) {
                if (row.apiKeyHash() != null) {
                    add(row.apiKeyId(), new NamedKey(row, row.apiKeyHash(), null)); // a current key wins its id
                }
            }
            stored = rows.stream().collect(Collectors.toUnmodifiableMap(s -> s.participant().id(), Function.identity()));
            byId = rows.stream().map(ParticipantStore.Stored::participant)
                    .collect(Collectors.toUnmodifiableMap(Participant::id, Function.identity()));
            byCode = byId.values().stream()
                    .flatMap(p -> p.codes().entrySet().stream()
                            .map(e -> Map.entry(e.getKey().fieldName() + "=" + e.getValue(), p)))
                    .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
        }

        private void add(String keyId, NamedKey key) {
            if (keyId == null) {
                keysWithoutId.add(key);
            } else {
                keysById.put(keyId, key);
            }
        }
    }
}
