package org.parkhub.precheck;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.parkhub.declaration.Declaration;
import org.parkhub.declaration.Declarations;
import org.parkhub.journal.CorrelationKey;
import org.parkhub.journal.Incoming;
import org.parkhub.journal.Journal;
import org.parkhub.journal.JournalEntry;
import org.parkhub.journal.JournalProjection;
import org.parkhub.model.CanonicalMapper;
import org.parkhub.model.CaseState;
import org.parkhub.model.Channel;
import org.parkhub.model.CustomsReceipt;
import org.parkhub.model.Envelope;
import org.parkhub.model.InventoryDeclaration;
import org.parkhub.model.MessageType;
import org.parkhub.model.Order;
import org.parkhub.model.OrderLine;
import org.parkhub.model.PayloadFields;
import org.parkhub.model.ProductFiling;
import org.parkhub.model.TaxBill;
import org.parkhub.model.WarehouseInList;
import org.parkhub.model.Waybill;
import org.parkhub.participant.Participant;
import org.parkhub.participant.ParticipantDirectory;
import org.parkhub.participant.PartyCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the platform and the broker told what the customs pre-check says (docs/decisions/0014): takes a batch of the
 * events that may change a customs case (a transaction's documents, customs' answers), assesses each case they touch
 * once, and journals its result as the hub's own precheck-result message, which the router then sends like any other.
 * The journal keeps one result document per case: a result like the last one is a duplicate and goes nowhere, so
 * only a change reaches anyone. A case nobody needs to act on yet (documents missing, nothing found) is not told
 * until it has something to say. A matched case nobody declared yet whose platform has a declarant
 * ({@code config/customs/declarants.yaml}) gets its declaration assembled in the same batch: a draft for the broker to
 * confirm, or a declaration the hub makes on the broker's behalf (decision 0016).
 */
public final class PrecheckResults {

    /** The types whose arrival may change a case (the broker's filter on hub.precheck). */
    public static final List<MessageType> WATCHED = List.of(MessageType.ORDER, MessageType.PAYMENT, MessageType.WAYBILL,
            MessageType.INVENTORY_DECLARATION, MessageType.INVENTORY_CANCELLATION, MessageType.INVENTORY_REFUND,
            MessageType.CUSTOMS_RECEIPT, MessageType.TAX_BILL);

    /** A case by its platform and order number. */
    record CaseKey(String ebpCode, String orderNo) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(PrecheckResults.class);
    /** How far back a warehouse-in list may have brought a parcel that is declared now. */
    private static final Duration ARRIVALS = Duration.ofDays(30);
    private static final int MAX_ARRIVALS = 200;

    private final CustomsCases cases;
    private final Declarations declarations;
    private final CaseIndex index;
    private final Journal journal;
    private final JournalProjection projection;
    private final Declarants declarants;
    private final ParticipantDirectory participants;
    private final Clock clock;
    private final ZoneId zone;

    /** {@code projection}: what is kept in step with declarations the hub makes (lifecycle, quota). */
    public PrecheckResults(CustomsCases cases, Declarations declarations, CaseIndex index, Journal journal,
            JournalProjection projection, Declarants declarants, ParticipantDirectory participants, Clock clock,
            ZoneId zone) {
        this.cases = cases;
        this.declarations = declarations;
        this.index = index;
        this.journal = journal;
        this.projection = projection;
        this.declarants = declarants;
        this.participants = participants;
        this.clock = clock;
        this.zone = zone;
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
        List<Incoming> assembled = new ArrayList<>();
        for (CaseKey key : touched) {
            Optional<CustomsCase> found = cases.find(key.ebpCode(), key.orderNo());
            String source = "customs case " + key.ebpCode() + "/" + key.orderNo();
            found.filter(this::worthTelling).ifPresent(c -> results.add(new Incoming(c.result(), source)));
            found.flatMap(this::assembled).ifPresent(d -> assembled.add(new Incoming(d, source + ", assembled for "
                    + d.agentCode())));
        }
        results.addAll(assembled);
        if (!results.isEmpty()) {
            journal.accept(Participant.HUB, Channel.HUB, results, (c, journaled) -> {
                projection.journaled(c, journaled);
                index.journaled(c, journaled);
            });
        }
    }

    /** The declaration of a matched case nobody declared, if its platform has a declarant and the parts are there. */
    private Optional<InventoryDeclaration> assembled(CustomsCase found) {
        if (found.state() != CaseState.MATCHED || found.copNo() != null) {
            return Optional.empty();
        }
        Optional<Declarants.Declarant> declarant = declarants.of(found.ebpCode());
        if (declarant.isEmpty()) {
            return Optional.empty();
        }
        Optional<Participant> broker = participants.byId(declarant.get().broker());
        Optional<String> agentCode = broker.flatMap(b -> b.code(PartyCode.AGENT));
        if (agentCode.isEmpty()) {
            LOG.warn("customs case {}/{}: declarant {} is no broker with an agentCode; nothing assembled",
                    found.ebpCode(), found.orderNo(), declarant.get().broker());
            return Optional.empty();
        }
        Order order = (Order) document(found, "order");
        Waybill waybill = (Waybill) document(found, "waybill");
        Map<String, ProductFiling> filings = new HashMap<>();
        for (OrderLine line : order.lines()) {
            journal.latest(MessageType.PRODUCT, CorrelationKey.SKU, line.sku()).map(e -> (ProductFiling) e.payload())
                    .filter(f -> f.ebcCode().equals(order.ebcCode())).ifPresent(f -> filings.put(f.sku(), f));
        }
        Optional<WarehouseInList> arrival = declarant.get().tradeMode().bonded() ? Optional.empty() : arrival(waybill);
        DeclarationAssembly.Assembled assembled = DeclarationAssembly.assemble(new DeclarationAssembly.Parts(order,
                waybill, filings, arrival), declarant.get(), agentCode.get(), broker.get().name(),
                LocalDate.now(clock.withZone(zone)), declarant.get().mode() == Declarants.Mode.DRAFT);
        if (assembled.notYet() != null) {
            LOG.info("customs case {}/{}: no declaration assembled yet: {}", found.ebpCode(), found.orderNo(),
                    assembled.notYet());
            return Optional.empty();
        }
        return Optional.of(assembled.declaration());
    }

    private Record document(CustomsCase found, String name) {
        return journal.find(found.documents().get(name)).orElseThrow().envelope().payload();
    }

    /** The latest warehouse-in list (CEB711) of the last month that names the parcel. */
    private Optional<WarehouseInList> arrival(Waybill waybill) {
        for (JournalEntry entry : journal.search(new Journal.MessageQuery(null, null, MessageType.WAREHOUSE_IN_LIST, null,
                null, OffsetDateTime.now(clock).minus(ARRIVALS), null), null, MAX_ARRIVALS)) {
            WarehouseInList list = (WarehouseInList) entry.envelope().payload();
            if (list.logisticsCode().equals(waybill.logisticsCode()) && list.parcels().stream()
                    .anyMatch(p -> p.logisticsNo().equals(waybill.logisticsNo()))) {
                return Optional.of(list);
            }
        }
        return Optional.empty();
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
