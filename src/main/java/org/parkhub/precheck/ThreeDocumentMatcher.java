package org.parkhub.precheck;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.parkhub.model.Consignee;
import org.parkhub.model.Documents;
import org.parkhub.model.InventoryDeclaration;
import org.parkhub.model.InventoryLine;
import org.parkhub.model.Order;
import org.parkhub.model.OrderLine;
import org.parkhub.model.Payment;
import org.parkhub.model.Waybill;
import org.parkhub.precheck.Finding.Disagreement;
import org.parkhub.validate.Money;

/**
 * Customs' three-document matching (三单比对, DOMAIN.md section 4) as the park can run it before customs does: the
 * order, the payment, the waybill and the declaration of one transaction against each other. Each rule has its stable
 * code and runs when the documents it needs are there. Text compares trimmed and full-width folded, money exactly at
 * two places: a cent or a full-width space is what real rejections come from.
 */
public final class ThreeDocumentMatcher {

    private final BigDecimal singleLimit;

    /** {@code singleLimit}: a transaction's dutiable value, CNY, as the tax table of its day says. */
    public ThreeDocumentMatcher(BigDecimal singleLimit) {
        this.singleLimit = singleLimit;
    }

    public List<Finding> match(CaseDocuments d) {
        List<Finding> findings = new ArrayList<>();
        Order order = d.order();
        if (order != null) {
            sameTransaction(d, findings);
            paidAddsUp(order, findings);
            linesAddUp(order, findings);
        }
        if (order != null && d.payment() != null) {
            paidIsPaid(order, d.payment(), findings);
            buyerIsPayer(order, d.payment(), findings);
        }
        if (order != null && d.waybill() != null) {
            consigneeIsConsignee(order.consignee(), d.waybill().consignee(), findings);
        }
        if (d.declaration() != null && d.waybill() != null) {
            declaredWaybill(d.declaration(), d.waybill(), findings);
        }
        if (d.declaration() != null && order != null) {
            declaredLines(d.declaration(), order, findings);
        }
        if (d.declaration() != null) {
            withinSingleLimit(d.declaration(), singleLimit, findings);
        }
        numbersUsedOnce(d, findings);
        return findings;
    }

    /** 3DOC-1: one transaction: orderNo and ebpCode on order, payment and declaration; orderNo on the waybill. */
    private static void sameTransaction(CaseDocuments d, List<Finding> findings) {
        Order o = d.order();
        List<Disagreement> apart = new ArrayList<>();
        if (d.payment() != null) {
            differs(apart, "order.orderNo", o.orderNo(), "payment.orderNo", d.payment().orderNo());
            differs(apart, "order.ebpCode", o.ebpCode(), "payment.ebpCode", d.payment().ebpCode());
        }
        if (d.declaration() != null) {
            differs(apart, "order.orderNo", o.orderNo(), "declaration.orderNo", d.declaration().orderNo());
            differs(apart, "order.ebpCode", o.ebpCode(), "declaration.ebpCode", d.declaration().ebpCode());
        }
        if (d.waybill() != null) {
            differs(apart, "order.orderNo", o.orderNo(), "waybill.orderNo", d.waybill().orderNo());
        }
        if (!apart.isEmpty()) {
            findings.add(Finding.error("3DOC-1", "the documents do not name the same transaction",
                    apart.toArray(Disagreement[]::new)));
        }
    }

    /** 3DOC-2: what the buyer paid is what the order says was paid. */
    private static void paidIsPaid(Order o, Payment p, List<Finding> findings) {
        if (!Money.sameAmount(o.actualPaid(), p.amountPaid())) {
            findings.add(Finding.error("3DOC-2", "the payment's amount is not the order's amount paid",
                    money("order.actualPaid", o.actualPaid(), "payment.amountPaid", p.amountPaid())));
        }
    }

    /** 3DOC-3: amount paid = goods value + freight + tax - discount. */
    private static void paidAddsUp(Order o, List<Finding> findings) {
        BigDecimal expected = o.goodsValue().add(o.freight()).add(o.taxTotal()).subtract(o.discount());
        if (!Money.sameAmount(expected, o.actualPaid())) {
            findings.add(Finding.error("3DOC-3", "the amount paid is not goodsValue + freight + taxTotal - discount",
                    money("order.actualPaid", o.actualPaid(), "goodsValue + freight + taxTotal - discount", expected)));
        }
    }

    /** 3DOC-4: each line's total is price x qty and the lines add up to the goods value (ours: a warning). */
    private static void linesAddUp(Order o, List<Finding> findings) {
        BigDecimal lines = BigDecimal.ZERO;
        List<Disagreement> apart = new ArrayList<>();
        for (int i = 0; i < o.lines().size(); i++) {
            OrderLine line = o.lines().get(i);
            BigDecimal expected = line.price().multiply(line.qty());
            if (!Money.sameAmount(expected, line.totalPrice())) {
                apart.add(money("order.lines[" + i + "].totalPrice", line.totalPrice(), "price x qty", expected));
            }
            lines = lines.add(line.totalPrice());
        }
        if (!Money.sameAmount(lines, o.goodsValue())) {
            apart.add(money("order.goodsValue", o.goodsValue(), "sum of line totals", lines));
        }
        if (!apart.isEmpty()) {
            findings.add(Finding.warning("3DOC-4", "the order's lines do not add up", apart.toArray(Disagreement[]::new)));
        }
    }

    /** 3DOC-5: the waybill goes to the order's consignee: name, phone, address. */
    private static void consigneeIsConsignee(Consignee order, Consignee waybill, List<Finding> findings) {
        List<Disagreement> apart = new ArrayList<>();
        differs(apart, "order.consignee.name", order.name(), "waybill.consignee.name", waybill.name());
        differs(apart, "order.consignee.phone", order.phone(), "waybill.consignee.phone", waybill.phone());
        differs(apart, "order.consignee.address", order.address(), "waybill.consignee.address", waybill.address());
        if (!apart.isEmpty()) {
            findings.add(Finding.error("3DOC-5", "the waybill's consignee is not the order's",
                    apart.toArray(Disagreement[]::new)));
        }
    }

    /** 3DOC-6: the buyer pays: the payer's identity number and name are the buyer's. */
    private static void buyerIsPayer(Order o, Payment p, List<Finding> findings) {
        List<Disagreement> apart = new ArrayList<>();
        // an identity number's check letter is X in either case
        if (!Objects.equals(upper(folded(o.buyer().idNumber())), upper(folded(p.payer().idNumber())))) {
            apart.add(new Disagreement("order.buyer.idNumber", o.buyer().idNumber(), "payment.payer.idNumber",
                    p.payer().idNumber()));
        }
        differs(apart, "order.buyer.name", o.buyer().name(), "payment.payer.name", p.payer().name());
        if (!apart.isEmpty()) {
            findings.add(Finding.error("3DOC-6", "the payer is not the buyer", apart.toArray(Disagreement[]::new)));
        }
    }

    /** 3DOC-7: the declaration names the transaction's waybill. */
    private static void declaredWaybill(InventoryDeclaration d, Waybill w, List<Finding> findings) {
        List<Disagreement> apart = new ArrayList<>();
        differs(apart, "declaration.logisticsCode", d.logisticsCode(), "waybill.logisticsCode", w.logisticsCode());
        differs(apart, "declaration.logisticsNo", d.logisticsNo(), "waybill.logisticsNo", w.logisticsNo());
        if (!apart.isEmpty()) {
            findings.add(Finding.error("3DOC-7", "the declaration names another waybill", apart.toArray(Disagreement[]::new)));
        }
    }

    /** 3DOC-8: the declaration's lines are the order's, one for one by gnum, with the same goods name. */
    private static void declaredLines(InventoryDeclaration d, Order o, List<Finding> findings) {
        Map<Integer, OrderLine> ordered = new HashMap<>();
        o.lines().forEach(line -> ordered.put(line.gnum(), line));
        List<Disagreement> apart = new ArrayList<>();
        for (int i = 0; i < d.lines().size(); i++) {
            InventoryLine line = d.lines().get(i);
            OrderLine orderLine = ordered.remove(line.gnum());
            if (orderLine == null) {
                apart.add(new Disagreement("declaration.lines[" + i + "].gnum", String.valueOf(line.gnum()),
                        "order.lines[].gnum", null));
            } else {
                differs(apart, "declaration.lines[" + i + "].gname", line.gname(), "order.lines[gnum "
                        + line.gnum() + "].name", orderLine.name());
            }
        }
        ordered.values().forEach(line -> apart.add(new Disagreement("declaration.lines[].gnum", null,
                "order.lines[gnum " + line.gnum() + "]", String.valueOf(line.gnum()))));
        if (!apart.isEmpty()) {
            findings.add(Finding.error("3DOC-8", "the declaration's lines are not the order's",
                    apart.toArray(Disagreement[]::new)));
        }
    }

    /** 3DOC-9: a declaration's dutiable value (goods, freight, insurance) is within the single-transaction limit. */
    private static void withinSingleLimit(InventoryDeclaration d, BigDecimal limit, List<Finding> findings) {
        BigDecimal value = d.lines().stream().map(InventoryLine::totalPrice).reduce(BigDecimal.ZERO, BigDecimal::add)
                .add(d.freight()).add(d.insuredFee());
        if (Money.cents(value).compareTo(limit) > 0) {
            findings.add(Finding.error("3DOC-9", "the declaration's dutiable value is over the single-transaction limit",
                    money("declaration dutiable value", value, "single-transaction limit", limit)));
        }
    }

    /** 3DOC-10: a payment transaction and a waybill number serve one order. */
    private static void numbersUsedOnce(CaseDocuments d, List<Finding> findings) {
        List<Disagreement> apart = new ArrayList<>();
        for (Payment other : d.paymentsOfOtherOrders()) {
            apart.add(new Disagreement("payment.payTransactionId", other.payTransactionId(), "used by order",
                    other.orderNo()));
        }
        for (Waybill other : d.waybillsOfOtherOrders()) {
            apart.add(new Disagreement("waybill.logisticsNo", other.logisticsNo(), "used by order", other.orderNo()));
        }
        if (!apart.isEmpty()) {
            findings.add(Finding.error("3DOC-10", "a number customs takes once serves another order too",
                    apart.toArray(Disagreement[]::new)));
        }
    }

    private static void differs(List<Disagreement> apart, String field, String value, String otherField, String other) {
        if (!Objects.equals(folded(value), folded(other))) {
            apart.add(new Disagreement(field, value, otherField, other));
        }
    }

    private static Disagreement money(String field, BigDecimal value, String otherField, BigDecimal other) {
        return new Disagreement(field, Money.cents(value).toPlainString(), otherField, Money.cents(other).toPlainString());
    }

    private static String folded(String text) {
        return text == null ? null : Documents.fold(text);
    }

    private static String upper(String text) {
        return text == null ? null : text.toUpperCase(Locale.ROOT);
    }
}
