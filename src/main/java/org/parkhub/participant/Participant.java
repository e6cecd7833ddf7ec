package org.parkhub.participant;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A park firm as the hub knows it (without its secrets). */
public record Participant(
        String id,
        String name,
        Set<Role> roles,
        Map<PartyCode, String> codes,
        Map<String, String> profiles,
        Delivery delivery) {

    public Participant {
        roles = Set.copyOf(roles);
        codes = Map.copyOf(codes);
        profiles = Map.copyOf(profiles);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public Optional<String> code(PartyCode type) {
        return Optional.ofNullable(codes.get(type));
    }

    /** The broker queue holding this participant's copies. */
    public String deliveryQueue() {
        return "hub.deliver." + id;
    }
}
