package org.parkhub.routing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.parkhub.model.MessageType;
import org.parkhub.participant.PartyCode;
import org.parkhub.participant.Role;

/** The recipient rules per message type, from config/routing.yaml (docs/integrators.md, "Receiving messages"). */
public final class RoutingTable {

    private final Map<MessageType, List<RecipientRule>> rules;

    private RoutingTable(Map<MessageType, List<RecipientRule>> rules) {
        this.rules = rules;
    }

    public List<RecipientRule> rulesFor(MessageType type) {
        return rules.getOrDefault(type, List.of());
    }

    record File(Map<String, List<Map<String, String>>> routing) {
    }

    public static RoutingTable load(Path file) {
        File parsed;
        try {
            parsed = new ObjectMapper(new YAMLFactory()).readValue(file.toFile(), File.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read routing file " + file + ": " + e.getMessage(), e);
        }
        Map<MessageType, List<RecipientRule>> rules = new EnumMap<>(MessageType.class);
        if (parsed.routing() != null) {
            parsed.routing().forEach((typeName, lines) -> {
                MessageType type = MessageType.byPath(typeName).orElseThrow(() ->
                        new IllegalArgumentException(file + ": unknown message type " + typeName));
                List<RecipientRule> typeRules = new ArrayList<>();
                for (Map<String, String> line : lines) {
                    typeRules.add(rule(file, typeName, line));
                }
                rules.put(type, List.copyOf(typeRules));
            });
        }
        return new RoutingTable(rules);
    }

    private static RecipientRule rule(Path file, String type, Map<String, String> line) {
        if (line.size() != 1) {
            throw new IllegalArgumentException(file + ": " + type + ": each rule has exactly one of code, orderCode, role");
        }
        Map.Entry<String, String> entry = line.entrySet().iterator().next();
        String value = entry.getValue();
        return switch (entry.getKey()) {
            case "code" -> new RecipientRule.ByCode(code(file, type, value));
            case "orderCode" -> new RecipientRule.ByOrderCode(code(file, type, value));
            case "role" -> new RecipientRule.ByRole(Role.valueOf(value));
            default -> throw new IllegalArgumentException(file + ": " + type + ": unknown rule " + entry.getKey());
        };
    }

    private static PartyCode code(Path file, String type, String name) {
        return PartyCode.byFieldName(name).orElseThrow(() ->
                new IllegalArgumentException(file + ": " + type + ": unknown code " + name));
    }
}
