package org.parkhub.participant;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.parkhub.model.Envelope;

/** A park firm as the hub knows it (without its secrets). */
public record Participant(
        String id,
        String name,
        Set<Role> roles,
        Map<PartyCode, String> codes,
        Map<String, String> profiles,
        Delivery delivery,
        List<RemoteSource> sources) {

    /**
     * The sender of the messages the hub writes itself (pre-check results): an id no firm may take
     * ({@link ParticipantForm#reserved}), journaled under a participant row without roles or credentials that the
     * participant store never lists, so nobody can log in as it or receive its copies.
     */
    public static final String HUB = Envelope.HUB_SENDER;

    public Participant {
        roles = Set.copyOf(roles);
        codes = Map.copyOf(codes);
        profiles = Map.copyOf(profiles);
        sources = List.copyOf(sources);
    }

    /** A participant that sends its files itself (no remote sources). */
    public Participant(String id, String name, Set<Role> roles, Map<PartyCode, String> codes,
                       Map<String, String> profiles, Delivery delivery) {
        this(id, name, roles, codes, profiles, delivery, List.of());
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public Optional<String> code(PartyCode type) {
        return Optional.ofNullable(codes.get(type));
    }

    /** The broker queue holding this participant's copies. */
    public String deliveryQueue() {
        return deliveryQueue(id);
    }

    /** The broker queue holding the copies of the participant with this id. */
    public static String deliveryQueue(String participantId) {
        return "hub.deliver." + participantId;
    }

    /** The broker queue where the hub answers this participant's rejected broker messages. */
    public String rejectionQueue() {
        return "parkhub.rejected." + id;
    }
}
