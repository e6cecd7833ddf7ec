package org.parkhub.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.parkhub.model.InventoryDeclaration;
import org.parkhub.model.InventoryLine;
import org.parkhub.model.Order;
import org.parkhub.model.Payment;
import org.parkhub.model.Waybill;

/**
 * How the simulated customs judges an inventory declaration, written apart from the hub's pre-check on purpose (a
 * simulator that shared the pre-check's code could not catch its mistakes): the documents it must have, the three
 * documents against each other, and the limits, answered with customs' own codes and words (DOMAIN.md section 3).
 */
final class DeclarationReview {

    /** Customs' answer: a return status and its reason; status 2 means the declaration goes on. */
    record Verdict(int status, String reason) {

        boolean passed() {
            return status == 2;
        }
    }

    static final int DUPLICATE = -621004;
    static final int OVER_SINGLE_LIMIT = -621005;
    static final int OVER_ANNUAL_LIMIT = -621018;
    static final int SIGNATURE_FAILED = -621029;
    static final int REJECTED = 100;

    /** What customs knows when the declaration arrives. */
    record Evidence(InventoryDeclaration declaration, boolean duplicate, boolean signatureValid, Optional<Order> order,
                    Optional<Payment> payment, Optional<Waybill> waybill, BigDecimal usedThisYear,
                    BigDecimal singleLimit, BigDecimal annualLimit) {
    }

    private DeclarationReview() {
    }

    static Verdict review(Evidence e) {
        if (!e.signatureValid()) {
            return new Verdict(SIGNATURE_FAILED, "电子签名验证失败");
        }
        if (e.duplicate()) {
            return new Verdict(DUPLICATE, "清单重复申报：" + e.declaration().copNo());
        }
        List<String> problems = new ArrayList<>();
        if (e.order().isEmpty()) {
            problems.add("未收到电子订单");
        }
        if (e.payment().isEmpty()) {
            problems.add("未收到支付单");
        }
        if (e.waybill().isEmpty()) {
            problems.add("未收到运单");
        }
        InventoryDeclaration d = e.declaration();
        e.order().ifPresent(order -> e.payment().ifPresent(payment -> {
            if (cents(order.actualPaid()).compareTo(cents(payment.amountPaid())) != 0) {
                problems.add("订单实付金额" + cents(order.actualPaid()) + "与支付金额" + cents(payment.amountPaid()) + "不一致");
            }
            if (!same(order.buyer().idNumber(), payment.payer().idNumber())
                    || !same(order.buyer().name(), payment.payer().name())) {
                problems.add("订购人与支付人不一致");
            }
        }));
        e.order().ifPresent(order -> {
            if (!same(order.buyer().idNumber(), d.buyer().idNumber())) {
                problems.add("清单订购人与订单订购人不一致");
            }
            if (order.lines().size() != d.lines().size()) {
                problems.add("清单商品项数与订单不一致");
            }
        });
        e.waybill().ifPresent(waybill -> {
            if (!same(waybill.orderNo(), d.orderNo())) {
                problems.add("运单" + waybill.logisticsNo() + "不属于订单" + d.orderNo());
            }
            e.order().ifPresent(order -> {
                if (!same(order.consignee().name(), waybill.consignee().name())
                        || !same(order.consignee().phone(), waybill.consignee().phone())
                        || !same(order.consignee().address(), waybill.consignee().address())) {
                    problems.add("订单收货人与运单收货人不一致");
                }
            });
        });
        if (!problems.isEmpty()) {
            return new Verdict(REJECTED, "三单比对失败：" + String.join("；", problems));
        }
        BigDecimal value = dutiable(d);
        if (value.compareTo(e.singleLimit()) > 0) {
            return new Verdict(OVER_SINGLE_LIMIT, "超过单次交易限值" + e.singleLimit().toPlainString() + "元：" + value);
        }
        if (e.usedThisYear().add(value).compareTo(e.annualLimit()) > 0) {
            return new Verdict(OVER_ANNUAL_LIMIT, "超过年度交易限值" + e.annualLimit().toPlainString() + "元");
        }
        return new Verdict(2, "申报成功");
    }

    /** Goods, freight and insurance, to the cent. */
    static BigDecimal dutiable(InventoryDeclaration d) {
        BigDecimal goods = BigDecimal.ZERO;
        for (InventoryLine line : d.lines()) {
            goods = goods.add(line.totalPrice());
        }
        return cents(goods.add(d.freight()).add(d.insuredFee()));
    }

    private static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    /** Customs compares text as the firms' systems wrote it, after trimming spaces, letters in either case. */
    private static boolean same(String a, String b) {
        return a != null && b != null && a.strip().toUpperCase(Locale.ROOT).equals(b.strip().toUpperCase(Locale.ROOT));
    }
}
