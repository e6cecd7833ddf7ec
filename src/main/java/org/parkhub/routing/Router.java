package org.parkhub.routing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.parkhub.journal.CorrelationKey;
import org.parkhub.journal.Journal;
import org.parkhub.journal.Recipient;
import org.parkhub.journal.RoutingRecords;
import org.parkhub.model.CanonicalMapper;
import org.parkhub.model.DocumentAction;
import org.parkhub.model.Envelope;
import org.parkhub.model.MessageType;
import org.parkhub.model.Order;
import org.parkhub.model.PayloadFields;
import org.parkhub.participant.Participant;
import org.parkhub.participant.ParticipantDirectory;

/**
 * Decides who receives a published message, journals the decision and makes one copy per recipient for
 * its hub.deliver queue. The sender never receives its own message. A revision goes to everyone an earlier revision
 * went to, and to whoever the rules choose now; a cancellation only to those who had the document.
 */
public class Router {

    private final RoutingTable table;
    private final SubscriptionStore subscriptions;
    private final ParticipantDirectory participants;
    private final Journal journal;
    private final RoutingRecords records;
    private final DeclarationCodes declarations;
    private final RoutingMetrics metrics;

    public Router(RoutingTable table, SubscriptionStore subscriptions, ParticipantDirectory participants, Journal journal,
                  RoutingRecords records, DeclarationCodes declarations, RoutingMetrics metrics) {
        this.metrics = metrics;
        this.declarations = declarations;
        this.table = table;
        this.subscriptions = subscriptions;
        this.participants = participants;
        this.journal = journal;
        this.records = records;
    }

    /** A recipient's copy of a routed message for its hub.deliver queue: the envelope JSON and the copy's headers. */
    public record Copy(String recipient, String body, Map<String, Object> headers) {
    }

    /**
     * Takes a batch of envelopes (JSON, as on hub.events), journals the routing decisions of all of them in one
     * transaction and returns the copies to queue, in the order of the batch.
     */
    public List<Copy> route(List<String> envelopeJsons) {
        Map<String, Envelope> envelopes = new LinkedHashMap<>();
        Map<String, String> bodies = new LinkedHashMap<>();
        Map<String, List<Recipient>> decisions = new LinkedHashMap<>();
        for (String json : envelopeJsons) {
            Envelope envelope = CanonicalMapper.readEnvelope(json);
            envelopes.put(envelope.messageId(), envelope);
            bodies.put(envelope.messageId(), json);
            decisions.put(envelope.messageId(), recipients(envelope, decisions));
        }
        Map<String, List<Recipient>> recorded = records.recordRouting(decisions);
        List<Copy> copies = new ArrayList<>();
        for (Envelope envelope : envelopes.values()) {
            for (Recipient recipient : recorded.get(envelope.messageId())) {
                copies.add(new Copy(recipient.participantId(), bodies.get(envelope.messageId()),
                        DeliveryCopy.headers(envelope, recipient.participantId(),
                                envelope.messageId() + "/" + recipient.participantId())));
                participants.byId(recipient.participantId()).ifPresent(p ->
                        metrics.dispatched(p.delivery().channel(), envelope.type(), p.id()));
            }
        }
        return copies;
    }

    /**
     * The recipients of a message, each with why: unless it cancels, by the routing table and the subscriptions (the
     * first rule that chose it); for a revision, also whoever had its earlier revisions (the revision before decided
     * in this batch, else as journaled), so that a cancellation reaches exactly those.
     */
    List<Recipient> recipients(Envelope envelope, Map<String, List<Recipient>> decidedInBatch) {
        Map<String, String> chosen = new LinkedHashMap<>();
        if (envelope.action() != DocumentAction.CANCEL) {
            chooseByRules(envelope, chosen);
        }
        if (envelope.supersedes() != null) {
            List<Recipient> earlier = decidedInBatch.get(envelope.supersedes());
            for (Recipient r : earlier != null ? earlier : records.earlierRecipients(envelope.supersedes())) {
                chosen.putIfAbsent(r.participantId(), r.rule());
            }
        }
        return chosen.entrySet().stream().map(e -> new Recipient(e.getKey(), e.getValue())).toList();
    }

    /** The recipients by the routing table and the subscriptions, each with the first rule that chose it. */
    private void chooseByRules(Envelope envelope, Map<String, String> chosen) {
        Optional<Order> order = Optional.empty();
        boolean orderLooked = false;
        Map<String, String> declaration = null;
        for (RecipientRule line : table.rulesFor(envelope.type())) {
            RecipientRule rule = line;
            if (line instanceof RecipientRule.When when) {
                if (!when.applies(envelope.payload())) {
                    continue;
                }
                rule = when.rule();
            }
            List<Participant> found;
            if (rule instanceof RecipientRule.ByDeclarationCode byDeclaration) {
                if (declaration == null) {
                    declaration = declarations.of(envelope.payload());
                }
                found = Optional.ofNullable(declaration.get(byDeclaration.code().fieldName()))
                        .flatMap(code -> participants.byCode(byDeclaration.code(), code)).stream().toList();
            } else if (rule instanceof RecipientRule.ByCode byCode) {
                found = PayloadFields.value(envelope.payload(), byCode.code().fieldName())
                        .flatMap(code -> participants.byCode(byCode.code(), code)).stream().toList();
            } else if (rule instanceof RecipientRule.ByOrderCode byOrderCode) {
                if (!orderLooked) {
                    order = orderOf(envelope);
                    orderLooked = true;
                }
                found = order.flatMap(o -> PayloadFields.value(o, byOrderCode.code().fieldName()))
                        .flatMap(code -> participants.byCode(byOrderCode.code(), code)).stream().toList();
            } else {
                found = participants.withRole(((RecipientRule.ByRole) rule).role());
            }
            for (Participant participant : found) {
                if (!participant.id().equals(envelope.sender())) {
                    chosen.putIfAbsent(participant.id(), line.toString());
                }
            }
        }
        for (Subscription subscription : subscriptions.forType(envelope.type())) {
            if (!subscription.participantId().equals(envelope.sender()) && subscription.matches(envelope.payload())) {
                chosen.putIfAbsent(subscription.participantId(), "subscription " + subscription.id());
            }
        }
    }

    /** The order a message belongs to: by its orderNo, or through the waybill of its logisticsNo. */
    private Optional<Order> orderOf(Envelope envelope) {
        String orderNo = envelope.keys().orderNo();
        if (orderNo == null && envelope.keys().logisticsNo() != null) {
            orderNo = journal.latest(MessageType.WAYBILL, CorrelationKey.LOGISTICS_NO, envelope.keys().logisticsNo())
                    .map(waybill -> waybill.keys().orderNo()).orElse(null);
        }
        return journal.latest(MessageType.ORDER, CorrelationKey.ORDER_NO, orderNo).map(e -> (Order) e.payload());
    }
}
