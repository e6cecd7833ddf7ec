package org.parkhub.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.parkhub.model.MessageType;
import org.parkhub.model.PayloadFields;
import org.parkhub.participant.Participant;
import org.parkhub.participant.PartyCode;
import org.parkhub.participant.Role;
import org.parkhub.validate.FieldError;

/**
 * Who may send what: each message type names the roles that may send it and, for each role, the code
 * field of the payload that must be the sender's own (a merchant posts orders under its own ebcCode only).
 * Park administrators may send any message.
 */
public final class SenderPolicy {

    /** A role that may send a type; {@code ownCode} null when its messages carry other firms' codes by nature. */
    private record Permission(Role role, PartyCode ownCode) {
    }

    private static final Map<MessageType, List<Permission>> SENDERS = Map.ofEntries(
            Map.entry(MessageType.PRODUCT, List.of(new Permission(Role.MERCHANT, PartyCode.EBC))),
            Map.entry(MessageType.STOCK_MOVEMENT, List.of(new Permission(Role.WAREHOUSE, PartyCode.WAREHOUSE))),
            Map.entry(MessageType.ORDER, List.of(new Permission(Role.PLATFORM, PartyCode.EBP),
                    new Permission(Role.MERCHANT, PartyCode.EBC))),
            Map.entry(MessageType.PAYMENT, List.of(new Permission(Role.PAYMENT, PartyCode.PAY))),
            Map.entry(MessageType.WAYBILL, List.of(new Permission(Role.LOGISTICS, PartyCode.LOGISTICS))),
            Map.entry(MessageType.SHIPMENT_EVENT, List.of(new Permission(Role.LOGISTICS, PartyCode.LOGISTICS))),
            Map.entry(MessageType.INVENTORY_DECLARATION, List.of(new Permission(Role.MERCHANT, PartyCode.EBC),
                    new Permission(Role.BROKER, PartyCode.AGENT))),
            Map.entry(MessageType.INVENTORY_CANCELLATION, List.of(new Permission(Role.MERCHANT, PartyCode.EBC),
                    new Permission(Role.BROKER, PartyCode.AGENT))),
            Map.entry(MessageType.INVENTORY_REFUND, List.of(new Permission(Role.MERCHANT, PartyCode.EBC),
                    new Permission(Role.BROKER, PartyCode.AGENT))),
            Map.entry(MessageType.WAREHOUSE_IN_LIST, List.of(new Permission(Role.WAREHOUSE, PartyCode.WAREHOUSE))),
            Map.entry(MessageType.CUSTOMS_RECEIPT, List.of(new Permission(Role.CUSTOMS, null))),
            Map.entry(MessageType.TAX_BILL, List.of(new Permission(Role.CUSTOMS, null))));

    private SenderPolicy() {
    }

    public static boolean maySend(Participant sender, MessageType type) {
        return !MessageType.HUB_MESSAGES.contains(type)
                && (sender.hasRole(Role.ADMIN) || permissions(sender, type).findAny().isPresent());
    }

    /**
     * The code fields of the payload that are not the sender's own; empty when one of the sender's
     * permitted roles finds its own code in the payload.
     */
    public static List<FieldError> foreignCodes(Participant sender, MessageType type, Record payload) {
        if (sender.hasRole(Role.ADMIN)) {
            return List.of();
        }
        List<FieldError> foreign = new ArrayList<>();
        for (Permission permission : permissions(sender, type).toList()) {
            if (permission.ownCode() == null) {
                return List.of();
            }
            String field = permission.ownCode().fieldName();
            String value = PayloadFields.value(payload, field).orElse(null);
            // a missing code names no firm: validation answers it as a required field, not as another firm's code
            if (value == null || value.equals(sender.code(permission.ownCode()).orElse(null))) {
                return List.of();
            }
            foreign.add(new FieldError(field, "NOT_YOUR_CODE", "'" + value + "' is not the " + field + " of " + sender.id()));
        }
        return foreign;
    }

    private static Stream<Permission> permissions(Participant sender, MessageType type) {
        return SENDERS.getOrDefault(type, List.of()).stream().filter(p -> sender.hasRole(p.role()));
    }
}
