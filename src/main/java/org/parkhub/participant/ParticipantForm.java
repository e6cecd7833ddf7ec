package org.parkhub.participant;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A participant as the seed file or an administrator describes it (without secrets),
 * checked into a {@link Participant}: the one place that says what a valid participant is.
 */
public record ParticipantForm(String id, String name, Set<Role> roles, Map<String, String> codes,
                              Map<String, String> profiles, Delivery delivery, List<RemoteSource> sources) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{2,32}");

    /** Names the hub, its broker, its console or an operator may act under; no firm may take one, in any case. */
    private static final Set<String> RESERVED_IDS = Set.of("hub", "parkhub", "admin", "administrator", "system", "root",
            "operator", "anonymous", "guest", "everyone");
    private static final List<String> RESERVED_PREFIXES = List.of("hub-", "hub_", "parkhub", "system-", "system_",
            "admin-", "admin_");

    /** What is wrong with the form; empty when {@link #toParticipant()} will succeed. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (id == null || !ID.matcher(id).matches()) {
            problems.add("id must match " + ID.pattern());
        } else if (reserved(id)) {
            problems.add("id " + id + " is reserved for the hub itself");
        }
        if (name == null || name.isBlank()) {
            problems.add("name is required");
        } else if (name.length() > 200) {
            problems.add("name has at most 200 characters");
        }
        if (roles == null || roles.isEmpty() || roles.contains(null)) {
            problems.add("at least one role is required");
        }
        if (codes != null) {
            codes.forEach((type, value) -> {
                if (PartyCode.byFieldName(type).isEmpty()) {
                    problems.add("unknown code type " + type);
                } else if (value == null || value.isBlank() || value.length() > 64) {
                    problems.add("code " + type + " must have 1 to 64 characters");
                }
            });
        }
        sourcesOrNone().stream().map(RemoteSource::problem).filter(Objects::nonNull).forEach(problems::add);
        String deliveryProblem = deliveryOrDefault().problem();
        if (deliveryProblem != null) {
            problems.add(deliveryProblem);
        }
        return problems;
    }

    /** Whether the hub keeps the id for itself: a participant id is also its FTP and broker user name. */
    public static boolean reserved(String id) {
        String lower = id.toLowerCase(Locale.ROOT);
        return RESERVED_IDS.contains(lower) || RESERVED_PREFIXES.stream().anyMatch(lower::startsWith);
    }

    /** The participant; throws IllegalArgumentException listing the problems when there are any. */
    public Participant toParticipant() {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("participant " + id + ": " + String.join("; ", problems));
        }
        Map<PartyCode, String> partyCodes = new EnumMap<>(PartyCode.class);
        if (codes != null) {
            codes.forEach((type, value) -> partyCodes.put(PartyCode.byFieldName(type).orElseThrow(), value.trim()));
        }
        return new Participant(id, name.trim(), roles, partyCodes, profiles == null ? Map.of() : new LinkedHashMap<>(profiles),
                deliveryOrDefault(), sourcesOrNone());
    }

    private Delivery deliveryOrDefault() {
        return delivery == null ? Delivery.defaultQueue() : delivery;
    }

    private List<RemoteSource> sourcesOrNone() {
        return sources == null ? List.of() : sources;
    }
}
