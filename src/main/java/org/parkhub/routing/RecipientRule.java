package org.parkhub.routing;

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

    /** Every participant with the role. */
    record ByRole(Role role) implements RecipientRule {
        @Override
        public String toString() {
            return "role:" + role;
        }
    }
}
