package org.parkhub.precheck;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.parkhub.declaration.Declaration;
import org.parkhub.declaration.DeclarationState;
import org.parkhub.declaration.Declarations;
import org.parkhub.journal.CorrelationKey;
import org.parkhub.journal.Journal;
import org.parkhub.journal.JournalEntry;
import org.parkhub.model.CaseState;
import org.parkhub.model.DocumentAction;
import org.parkhub.model.Documents;
import org.parkhub.model.Envelope;
import org.parkhub.model.InventoryDeclaration;
import org.parkhub.model.InventoryLine;
import org.parkhub.model.MessageType;
import org.parkhub.model.Order;
import org.parkhub.model.OrderLine;
import org.parkhub.model.PayloadFields;
import org.parkhub.model.Payment;
import org.parkhub.model.PrecheckFinding.Severity;
import org.parkhub.model.ProductFiling;
import org.parkhub.model.Waybill;

/**
 * A transaction's customs case (platform + order number), assembled from what the journal holds now: each document's
 * current revision from any channel (a cancelled one counts as absent, a cancelled order cancels the case), the
 * three-document findings, and the state customs' answers put its declaration in.
 */
public final class CustomsCases {

    /** How far back a waybill number counts as used: carriers may reuse one after six months. */
    static final Duration WAYBILL_REUSE = Duration.ofDays(183);
    private static final int MAX_REVISIONS = 200;

    private final Journal journal;
    private final Declarations declarations;
    private final TaxTables taxTables;
    private final PositiveList positiveList;
    private final QuotaLedger quotas;
    private final Clock clock;
    private final ZoneId zone;

    public CustomsCases(Journal journal, Declarations declarations, TaxTables taxTables, PositiveList positiveList,
            QuotaLedger quotas, Clock clock, ZoneId zone) {
        this.quotas = quotas;
        this.journal = journal;
        this.declarations = declarations;
        this.taxTables = taxTables;
        this.positiveList = positiveList;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * The platforms with a case for an order number: those of its orders, payments and declarations (a waybill names
     * no platform).
     */
    public Set<String> platformsOf(String orderNo) {
        Set<String> platforms = new LinkedHashSet<>();
        for (MessageType type : List.of(MessageType.ORDER, MessageType.PAYMENT, MessageType.INVENTORY_DECLARATION)) {
            for (JournalEntry entry : journal.search(new Journal.MessageQuery(null, orderNo, type, null, null, null,
                    null), null, MAX_REVISIONS)) {
                Record payload = entry.envelope().payload();
                if (orderNo.equals(orderNoOf(payload))) {
                    PayloadFields.value(payload, "ebpCode").ifPresent(platforms::add);
                }
            }
        }
        return platforms;
    }

    /** The case, or empty when the hub holds no document of the transaction. */
    public Optional<CustomsCase> find(String ebpCode, String orderNo) {
        Current<Order> order = current(MessageType.ORDER, orderNo, o -> ebpCode.equals(o.ebpCode()));
        Current<Payment> payment = current(MessageType.PAYMENT, orderNo, p -> ebpCode.equals(p.ebpCode()));
        Current<Waybill> waybill = current(MessageType.WAYBILL, orderNo, w -> true);
        // a draft the hub assembled is not declared: the case waits for its broker to confirm it
        Current<InventoryDeclaration> declaration = current(MessageType.INVENTORY_DECLARATION, orderNo,
                d -> ebpCode.equals(d.ebpCode()) && !d.isDraft());
        if (order.absent() && payment.absent() && waybill.absent() && declaration.absent()) {
            return Optional.empty();
        }
        List<Payment> otherPayments = payment.live() == null ? List.of()
                : others(MessageType.PAYMENT, payment.live().payTransactionId(), orderNo, null);
        List<Waybill> otherWaybills = waybill.live() == null ? List.of()
                : others(MessageType.WAYBILL, waybill.live().logisticsNo(), orderNo,
                        OffsetDateTime.now(clock).minus(WAYBILL_REUSE));
        CaseDocuments documents = new CaseDocuments(order.live(), payment.live(), waybill.live(), declaration.live(),
                otherPayments, otherWaybills);
        // the transaction's day: when the buyer paid, else when the hub had the order
        LocalDate day = (payment.live() != null ? payment.live().payTime() : order.receivedAt() != null
                ? order.receivedAt() : OffsetDateTime.now(clock)).atZoneSameInstant(zone).toLocalDate();
        TaxRates rates = taxTables.on(day);
        List<Finding> findings = new ArrayList<>(new ThreeDocumentMatcher(rates.singleLimit()).match(documents));
        Map<Integer, String> hsCodes = hsCodes(order.live(), declaration.live());
        TaxCheck tax = order.live() == null ? TaxCheck.notAssessed(null, "no order")
                : taxOf(order.live(), hsCodes, waybill.live(), rates);
        tax.finding().ifPresent(findings::add);
        offTheList(hsCodes, day).ifPresent(findings::add);
        Quota quota = quotaOf(order.live(), declaration.live(), day, rates);
        quota.findings().forEach(findings::add);
        Optional<Declaration> declared = declaration.live() == null ? Optional.empty()
                : declarations.find(declaration.live().copNo()).map(Declarations.Declared::declaration);
        List<String> missing = new ArrayList<>();
        if (order.live() == null) {
            missing.add("order");
        }
        if (payment.live() == null) {
            missing.add("payment");
        }
        if (waybill.live() == null) {
            missing.add("waybill");
        }
        Map<String, String> messages = new LinkedHashMap<>();
        order.put(messages, "order");
        payment.put(messages, "payment");
        waybill.put(messages, "waybill");
        declaration.put(messages, "declaration");
        CaseState state = stateOf(order.cancelled(), missing, findings, declared.map(Declaration::state));
        return Optional.of(new CustomsCase(ebpCode, orderNo, state, missing, findings, messages,
                declared.map(Declaration::copNo).orElse(null), declared.map(Declaration::state).orElse(null),
                order.live() == null ? null : order.live().ebcCode(),
                payment.live() == null ? null : payment.live().payCode(),
                waybill.live() == null ? null : waybill.live().logisticsCode(),
                declaration.live() == null ? null : declaration.live().agentCode(), tax, quota));
    }

    /** Once declared, customs' answers decide; before, the documents do. */
    static CaseState stateOf(boolean orderCancelled, List<String> missing, List<Finding> findings,
            Optional<DeclarationState> declared) {
        if (orderCancelled || declared.filter(s -> s == DeclarationState.CANCELLED).isPresent()) {
            return CaseState.CANCELLED;
        }
        if (declared.isPresent() && declared.get() != DeclarationState.SUBMITTED) {
            return switch (declared.get()) {
                case REJECTED, FAILED -> CaseState.REJECTED;
                case RELEASED, CLOSED, REFUNDED, RETURNED -> CaseState.RELEASED;
                default -> CaseState.DECLARED;
            };
        }
        if (!missing.isEmpty()) {
            return CaseState.PENDING;
        }
        return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR) ? CaseState.MISMATCH : CaseState.MATCHED;
    }

    /**
     * The transaction against customs' limits: its dutiable value (the declaration's, else the order's goods and
     * freight) within the single limit, and with the buyer's other declarations of the year within the annual one.
     */
    private Quota quotaOf(Order order, InventoryDeclaration declaration, LocalDate day, TaxRates rates) {
        if (order == null && declaration == null) {
            return Quota.none();
        }
        BigDecimal value = declaration != null
                ? declaration.lines().stream().map(InventoryLine::totalPrice).reduce(BigDecimal.ZERO, BigDecimal::add)
                        .add(declaration.freight()).add(declaration.insuredFee())
                : order.goodsValue().add(order.freight());
        int year = declaration != null ? declaration.declTime().getYear() : day.getYear();
        String buyerKey = quotas.buyerKey(declaration != null ? declaration.buyer() : order.buyer());
        BigDecimal used = quotas.used(buyerKey, year, declaration == null ? null : declaration.copNo());
        return Quota.of(year, used, value, declaration != null, rates);
    }

    /**
     * Each line's HS code, by gnum: the declaration's, else the product filing's of the order line's SKU; null where
     * neither is known.
     */
    private Map<Integer, String> hsCodes(Order order, InventoryDeclaration declaration) {
        Map<Integer, String> codes = new LinkedHashMap<>();
        if (declaration != null) {
            declaration.lines().forEach(line -> codes.put(line.gnum(), line.gcode()));
        }
        if (order != null) {
            for (OrderLine line : order.lines()) {
                codes.computeIfAbsent(line.gnum(), gnum -> journal.latest(MessageType.PRODUCT, CorrelationKey.SKU,
                        line.sku()).map(e -> ((ProductFiling) e.payload()).hsCode()).orElse(null));
            }
        }
        return codes;
    }

    /** POSITIVE_LIST: lines whose goods the list of the transaction's day does not allow in this way. */
    private Optional<Finding> offTheList(Map<Integer, String> hsCodes, LocalDate day) {
        List<Finding.Disagreement> off = new ArrayList<>();
        hsCodes.forEach((gnum, hsCode) -> {
            if (hsCode != null && positiveList.find(hsCode, day).isEmpty()) {
                off.add(new Finding.Disagreement("lines[gnum " + gnum + "].hsCode", hsCode, "positive list",
                        positiveList.editionOn(day)));
            }
        });
        return off.isEmpty() ? Optional.empty() : Optional.of(new Finding("POSITIVE_LIST", Severity.ERROR,
                "goods not on the positive list may not come in as retail imports", off));
    }

    /** The order's tax as customs would compute it; freight and the waybill's insurance shared by value. */
    private TaxCheck taxOf(Order order, Map<Integer, String> hsCodes, Waybill waybill, TaxRates rates) {
        List<RetailTax.Item> items = new ArrayList<>();
        List<Integer> unknown = new ArrayList<>();
        for (OrderLine line : order.lines()) {
            String hsCode = hsCodes.get(line.gnum());
            if (hsCode == null) {
                unknown.add(line.gnum());
            } else {
                items.add(new RetailTax.Item(line.gnum(), hsCode, line.totalPrice()));
            }
        }
        if (!unknown.isEmpty()) {
            return TaxCheck.notAssessed(order, "no HS code for lines " + unknown + ": neither a declaration nor a product filing");
        }
        BigDecimal freight = order.freight().add(waybill == null ? BigDecimal.ZERO : waybill.insuredFee());
        return TaxCheck.assessed(order, RetailTax.assess(items, freight, rates));
    }

    /** A document's current revision: {@code live} unless cancelled, with the message that holds it. */
    private record Current<T extends Record>(T live, String messageId, boolean cancelled, OffsetDateTime receivedAt) {

        boolean absent() {
            return messageId == null;
        }

        void put(Map<String, String> messages, String name) {
            if (live != null) {
                messages.put(name, messageId);
            }
        }
    }

    private interface Belongs<T> {
        boolean test(T payload);
    }

    @SuppressWarnings("unchecked")
    private <T extends Record> Current<T> current(MessageType type, String orderNo, Belongs<T> belongs) {
        // newest first: the first message of a document is its current revision
        for (JournalEntry entry : journal.search(new Journal.MessageQuery(null, orderNo, type, null, null, null, null),
                null, MAX_REVISIONS)) {
            Envelope envelope = entry.envelope();
            T payload = (T) envelope.payload();
            if (belongs.test(payload) && orderNo.equals(orderNoOf(payload))) {
                boolean cancelled = envelope.action() == DocumentAction.CANCEL;
                return new Current<>(cancelled ? null : payload, envelope.messageId(), cancelled, envelope.receivedAt());
            }
        }
        return new Current<>(null, null, false, null);
    }

    /** The live documents of other orders that hold the same number (a payment transaction, a waybill). */
    @SuppressWarnings("unchecked")
    private <T extends Record> List<T> others(MessageType type, String number, String orderNo, OffsetDateTime since) {
        Map<String, T> current = new LinkedHashMap<>();
        Map<String, Boolean> seen = new LinkedHashMap<>();
        for (JournalEntry entry : journal.search(new Journal.MessageQuery(null, number, type, null, null, since, null),
                null, MAX_REVISIONS)) {
            Envelope envelope = entry.envelope();
            String identity = Documents.identity(envelope.payload());
            if (seen.putIfAbsent(identity, Boolean.TRUE) == null && envelope.action() != DocumentAction.CANCEL
                    && !orderNo.equals(orderNoOf(envelope.payload()))) {
                current.put(identity, (T) envelope.payload());
            }
        }
        return List.copyOf(current.values());
    }

    private static String orderNoOf(Record payload) {
        if (payload instanceof Order o) {
            return o.orderNo();
        } else if (payload instanceof Payment p) {
            return p.orderNo();
        } else if (payload instanceof Waybill w) {
            return w.orderNo();
        } else if (payload instanceof InventoryDeclaration d) {
            return d.orderNo();
        }
        return null;
    }
}
