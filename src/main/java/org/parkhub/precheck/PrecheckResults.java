package org.parkhub.precheck;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.parkhub.declaration.Declaration;
import org.parkhub.declaration.Declarations;
import org.parkhub.journal.Incoming;
import org.parkhub.journal.Journal;
import org.parkhub.model.CanonicalMapper;
import org.parkhub.model.CaseState;
import org.parkhub.model.Channel;
import org.parkhub.model.CustomsReceipt;
import org.parkhub.model.Envelope;
import org.parkhub.model.MessageType;
import org.parkhub.model.PayloadFields;
import org.parkhub.model.TaxBill;
import org.parkhub.participant.Participant;

/**
 * Keeps the platform and the broker told what the customs pre-check says (docs/decisions/0014): takes a batch of the
 * events that may change a customs case (a transaction's documents, customs' answers), assesses each case they touch
 * once, and journals its result as the hub's own precheck-result message, which the router then sends like any other.
 * The journal keeps one result document per case: a result like the last one is a duplicate and goes nowhere, so
 * only a change reaches anyone. A case nobody needs to act on yet (documents missing, nothing found) is not told
 * until it has something to say.
 */
public final class PrecheckResults {

    /** The types whose arrival may change a case (the broker's filter on hub.precheck). */
    public static final List<MessageType> WATCHED = List.of(MessageType.ORDER, MessageType.PAYMENT, MessageType.WAYBILL,
            MessageType.INVENTORY_DECLARATION, MessageType.INVENTORY_CANCELLATION, MessageType.INVENTORY_REFUND,
            MessageType.CUSTOMS_RECEIPT, MessageType.TAX_BILL);

    /** A case by its platform and order number. */
    record CaseKey(String ebpCode, String orderNo) {
    }

    private final CustomsCases cases;
    private final Declarations declarations;
    private final CaseIndex index;
    private final Journal journal;

    public PrecheckResults(CustomsCases cases, Declarations declarations, CaseIndex index, Journal journal) {
        this.cases = cases;
        this.declarations = declarations;
        this.index = index;
        this.journal = journal;
    }

    /** Assesses the cases a batch of events (envelope JSON, as on hub.events) touched; journals what changed. */
    public void assess(List<String> envelopeJsons) {
        Set<CaseKey> touched = new LinkedHashSet<>();
        for (String json : envelopeJsons) {
            Envelope envelope = CanonicalMapper.readEnvelope(json);
            if (WATCHED.contains(envelope.type())) {
                touched.addAll(casesOf(envelope));
            }
        }
        List<Incoming> results = new ArrayList<>();
        for (CaseKey key : touched) {
            cases.find(key.ebpCode(), key.orderNo()).filter(this::worthTelling).ifPresent(found ->
                    results.add(new Incoming(found.result(), "customs case " + key.ebpCode() + "/" + key.orderNo())));
        }
        if (!results.isEmpty()) {
            journal.accept(Participant.HUB, Channel.HUB, results, index::journaled);
        }
    }

    /**
     * The cases a message belongs to: customs' answers by the declaration they answer, a document by its platform and
     * order number, a waybill (which names no platform) in every case of its order number.
     */
    Set<CaseKey> casesOf(Envelope envelope) {
        if (envelope.payload() instanceof CustomsReceipt || envelope.payload() instanceof TaxBill) {
            Optional<Declaration> answered = declarations.answered(envelope.payload())
                    .filter(d -> d.ebpCode() != null && d.orderNo() != null);
            if (answered.isPresent()) {
                return Set.of(new CaseKey(answered.get().ebpCode(), answered.get().orderNo()));
            }
        }
        String orderNo = envelope.keys().orderNo();
        if (orderNo == null) {
            return Set.of();
        }
        Optional<String> ebpCode = PayloadFields.value(envelope.payload(), "ebpCode");
        if (ebpCode.isPresent()) {
            return Set.of(new CaseKey(ebpCode.get(), orderNo));
        }
        Set<CaseKey> keys = new LinkedHashSet<>();
        cases.platformsOf(orderNo).forEach(platform -> keys.add(new CaseKey(platform, orderNo)));
        return keys;
    }

    private boolean worthTelling(CustomsCase found) {
        boolean quiet = found.state() == CaseState.PENDING && found.findings().isEmpty();
        return !quiet || index.knows(found.ebpCode(), found.orderNo());
    }
}
