package org.parkhub.routing;

import java.util.List;
import java.util.stream.Collectors;

import org.parkhub.participant.PartyCode;
import org.parkhub.participant.Role;

/** One line of config/routing.yaml: how to find recipients of a message type. */
public sealed interface RecipientRule {

    /** The participant holding the customs code found in the payload's field of that name. */
    record ByCode(PartyCode code) implements RecipientRule {
        @Override
        public String toString() {
            return "code:" + code.fieldName();
        }
    }

    /** The same, with the code taken from the journaled order this message belongs to. */
    record ByOrderCode(PartyCode code) implements RecipientRule {
        @Override
        public String toString() {
            return "orderCode:" + code.fieldName();
        }
    }

    /**
     * The same, with the code taken from the declaration a customs answer is about (by its copNo, preNo or invtNo):
     * customs' answers often name only those numbers.
     */
    record ByDeclarationCode(PartyCode code) implements RecipientRule {
        @Override
        public String toString() {
            return "declarationCode:" + code.fieldName();
        }
    }

    /** A rule that applies only to messages meeting every condition (a release: CEB622 with status 800). */
    record When(RecipientRule rule, List<FieldMatch> conditions) implements RecipientRule {

        public When {
            conditions = List.copyOf(conditions);
        }

        public boolean applies(Record payload) {
            return conditions.stream().allMatch(c -> c.matches(payload));
        }

        @Override
        public String toString() {
            return rule + " when " + conditions.stream().map(c -> c.field() + (c.equals() != null ? "=" + c.equals()
                    : c.in() != null ? " in " + c.in() : " starts " + c.prefix())).collect(Collectors.joining(", "));
        }
    }

    /** Every participant with the role. */
    record ByRole(Role role) implements RecipientRule {
        @Override
        public String toString() {
            return "role:" + role;
        }
    }
}
