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

    /** A rule line: exactly one of code, orderCode, declarationCode, role; and optionally when. */
    record Line(String code, String orderCode, String declarationCode, String role, List<FieldMatch> when) {
    }

    record File(Map<String, List<Line>> routing) {
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
                for (Line line : lines) {
                    typeRules.add(rule(file, type, typeName, line));
                }
                rules.put(type, List.copyOf(typeRules));
            });
        }
        return new RoutingTable(rules);
    }

    private static RecipientRule rule(Path file, MessageType type, String typeName, Line line) {
        int given = (line.code() != null ? 1 : 0) + (line.orderCode() != null ? 1 : 0)
                + (line.declarationCode() != null ? 1 : 0) + (line.role() != null ? 1 : 0);
        if (given != 1) {
            throw new IllegalArgumentException(file + ": " + typeName
                    + ": each rule has exactly one of code, orderCode, declarationCode, role");
        }
        RecipientRule rule;
        if (line.code() != null) {
            rule = new RecipientRule.ByCode(code(file, typeName, line.code()));
        } else if (line.orderCode() != null) {
            rule = new RecipientRule.ByOrderCode(code(file, typeName, line.orderCode()));
        } else if (line.declarationCode() != null) {
            rule = new RecipientRule.ByDeclarationCode(code(file, typeName, line.declarationCode()));
        } else {
            rule = new RecipientRule.ByRole(Role.valueOf(line.role()));
        }
        if (line.when() == null) {
            return rule;
        }
        for (FieldMatch condition : line.when()) {
            condition.problem(type.payloadClass()).ifPresent(problem -> {
                throw new IllegalArgumentException(file + ": " + typeName + ": when: " + problem);
            });
        }
        return new RecipientRule.When(rule, line.when());
    }

    private static PartyCode code(Path file, String type, String name) {
        return PartyCode.byFieldName(name).orElseThrow(() ->
                new IllegalArgumentException(file + ": " + type + ": unknown code " + name));
    }
}
