package org.parkhub.participant;

import java.util.Collection;
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

    Collection<ParticipantStore.Stored> allCredentials() {
        return snapshot.stored.values();
    }

    private static final class Snapshot {
        final Map<String, ParticipantStore.Stored> stored;
        final Map<String, Participant> byId;
        final Map<String, Participant> byCode;

        Snapshot(List<ParticipantStore.Stored> rows) {
            stored = rows.stream().collect(Collectors.toUnmodifiableMap(s -> s.participant().id(), Function.identity()));
            byId = rows.stream().map(ParticipantStore.Stored::participant)
                    .collect(Collectors.toUnmodifiableMap(Participant::id, Function.identity()));
            byCode = byId.values().stream()
                    .flatMap(p -> p.codes().entrySet().stream()
                            .map(e -> Map.entry(e.getKey().fieldName() + "=" + e.getValue(), p)))
                    .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
        }
    }
}
