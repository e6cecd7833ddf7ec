package org.parkhub.declaration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.parkhub.http.ApiGate;
import org.parkhub.http.HttpReply;
import org.parkhub.http.Problem;
import org.parkhub.journal.CorrelationKey;
import org.parkhub.journal.Journal;
import org.parkhub.journal.JournalEntry;
import org.parkhub.model.CustomsReceipt;
import org.parkhub.model.Envelope;
import org.parkhub.model.MessageType;
import org.parkhub.participant.Participant;
import org.parkhub.participant.PartyCode;
import org.parkhub.participant.Role;

/**
 * {@code GET /api/v1/declarations/{copNo}}: a declaration's state, every customs answer about it in customs' order,
 * and the order, payment and waybill it declares with customs' last answer to each. For the declaration's platform,
 * merchant, declarant and bonded warehouse (by their codes), and administrators; anyone else gets 404.
 */
public class DeclarationApi {

    private final ApiGate gate;
    private final Declarations declarations;
    private final Journal journal;
    /** An order is declared again after a rejection; a handful at most in practice. */
    private static final int MAX_PER_ORDER = 20;

    public DeclarationApi(ApiGate gate, Declarations declarations, Journal journal) {
        this.gate = gate;
        this.declarations = declarations;
        this.journal = journal;
    }

    public void get(Exchange exchange) {
        Optional<Participant> caller = gate.caller(exchange);
        if (caller.isEmpty()) {
            return;
        }
        String copNo = exchange.getMessage().getHeader("copNo", String.class);
        Optional<Declarations.Declared> found = declarations.find(copNo)
                .filter(d -> caller.get().hasRole(Role.ADMIN) || isParty(caller.get(), d.declaration()));
        if (found.isEmpty()) {
            Problem.of(404, "not-found", "No such declaration", "no declaration " + copNo + " visible to "
                    + caller.get().id()).writeTo(exchange);
            return;
        }
        HttpReply.answer(exchange, 200, "declaration", view(found.get()));
    }

    /**
     * {@code GET /api/v1/declarations?orderNo=}: an order's declarations the caller is party to, the last changed
     * first, each with its state: the order's customs state is its latest declaration's.
     */
    public void ofOrder(Exchange exchange) {
        Optional<Participant> caller = gate.caller(exchange);
        if (caller.isEmpty()) {
            return;
        }
        String orderNo = exchange.getMessage().getHeader("orderNo", String.class);
        if (orderNo == null || orderNo.isBlank()) {
            Problem.of(400, "bad-query", "Bad query", "name the order: ?orderNo=").writeTo(exchange);
            return;
        }
        List<Map<String, Object>> items = declarations.ofOrder(orderNo, MAX_PER_ORDER).stream()
                .filter(d -> caller.get().hasRole(Role.ADMIN) || isParty(caller.get(), d)).map(d -> {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("copNo", d.copNo());
                    item.put("invtNo", d.invtNo());
                    item.put("state", d.state());
                    item.put("status", d.status());
                    item.put("statusAt", d.statusAt());
                    item.put("reason", d.reason());
                    return item;
                }).toList();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("orderNo", orderNo);
        answer.put("state", items.isEmpty() ? null : items.get(0).get("state"));
        answer.put("declarations", items);
        HttpReply.answer(exchange, 200, "orderDeclarations", answer);
    }

    static boolean isParty(Participant participant, Declaration d) {
        return is(participant, PartyCode.EBP, d.ebpCode()) || is(participant, PartyCode.EBC, d.ebcCode())
                || is(participant, PartyCode.AGENT, d.agentCode()) || is(participant, PartyCode.AREA, d.areaCode());
    }

    private static boolean is(Participant participant, PartyCode code, String value) {
        return value != null && participant.code(code).filter(value::equals).isPresent();
    }

    /** The declaration as the API and the console show it. */
    public Map<String, Object> view(Declarations.Declared declared) {
        Declaration d = declared.declaration();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("copNo", d.copNo());
        view.put("preNo", d.preNo());
        view.put("invtNo", d.invtNo());
        view.put("state", d.state());
        view.put("status", d.status());
        view.put("statusAt", d.statusAt());
        view.put("reason", d.reason());
        view.put("tradeMode", d.tradeMode());
        view.put("orderNo", d.orderNo());
        view.put("logisticsNo", d.logisticsNo());
        Map<String, Object> parties = new LinkedHashMap<>();
        parties.put("ebpCode", d.ebpCode());
        parties.put("ebcCode", d.ebcCode());
        parties.put("agentCode", d.agentCode());
        parties.put("areaCode", d.areaCode());
        view.put("parties", parties);
        view.put("declarationMessageId", d.messageId());
        List<Map<String, Object>> history = new ArrayList<>();
        for (DeclarationEvent e : declared.events()) {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("messageId", e.messageId());
            event.put("messageCode", e.messageCode());
            event.put("status", e.status());
            event.put("state", e.state().orElse(null));
            event.put("statusAt", e.statusAt());
            event.put("reason", e.reason());
            event.put("receivedAt", e.receivedAt());
            history.add(event);
        }
        view.put("history", history);
        view.put("order", linked(journal.latest(MessageType.ORDER, CorrelationKey.ORDER_NO, d.orderNo()),
                "CEB312", d.orderNo()));
        Optional<Envelope> payment = journal.latest(MessageType.PAYMENT, CorrelationKey.ORDER_NO, d.orderNo());
        view.put("payment", linked(payment, "CEB412", payment.map(p -> p.keys().payTransactionId()).orElse(null)));
        Optional<Envelope> waybill = d.logisticsNo() != null
                ? journal.latest(MessageType.WAYBILL, CorrelationKey.LOGISTICS_NO, d.logisticsNo())
                : journal.latest(MessageType.WAYBILL, CorrelationKey.ORDER_NO, d.orderNo());
        view.put("waybill", linked(waybill, "CEB512", waybill.map(w -> w.keys().logisticsNo()).orElse(null)));
        return view;
    }

    /** A document the declaration declares, with customs' last answer to it (by customs' time), if any. */
    private Map<String, Object> linked(Optional<Envelope> document, String receiptCode, String key) {
        if (document.isEmpty()) {
            return null;
        }
        Map<String, Object> linked = new LinkedHashMap<>();
        linked.put("messageId", document.get().messageId());
        linked.put("sender", document.get().sender());
        Optional<CustomsReceipt> answer = key == null ? Optional.empty()
                : journal.search(new Journal.MessageQuery(null, key, MessageType.CUSTOMS_RECEIPT, null, null, null,
                        null), null, 50).stream().map(JournalEntry::envelope).map(e -> (CustomsReceipt) e.payload())
                        .filter(r -> r.messageCode().equals(receiptCode))
                        .max(Comparator.comparing(CustomsReceipt::returnTime));
        linked.put("customsStatus", answer.map(CustomsReceipt::returnStatus).orElse(null));
        linked.put("customsStatusAt", answer.map(CustomsReceipt::returnTime).orElse(null));
        linked.put("customsReason", answer.map(CustomsReceipt::returnInfo).orElse(null));
        return linked;
    }
}
