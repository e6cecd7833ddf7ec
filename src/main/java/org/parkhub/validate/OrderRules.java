package org.parkhub.validate;

import java.math.BigDecimal;

import org.parkhub.model.Order;
import org.parkhub.model.OrderLine;

/** CEB311 order rules: amounts that add up, numbered lines, the buyer's identity. */
public final class OrderRules implements BusinessRules<Order> {

    @Override
    public Class<Order> type() {
        return Order.class;
    }

    @Override
    public void check(Order order, Findings findings) {
        SharedRules.renminbi(order.currency(), "currency", findings);
        BigDecimal expectedPaid = order.goodsValue().add(order.freight()).add(order.taxTotal()).subtract(order.discount());
        if (!Money.sameAmount(expectedPaid, order.actualPaid())) {
            findings.error("actualPaid", "PAID_MISMATCH", "actualPaid " + order.actualPaid().toPlainString()
                    + " is not goodsValue + freight + taxTotal - discount = " + Money.cents(expectedPaid).toPlainString());
        }
        SharedRules.lineNumbers(order.lines(), OrderLine::gnum, findings);
        BigDecimal linesTotal = BigDecimal.ZERO;
        for (int i = 0; i < order.lines().size(); i++) {
            OrderLine line = order.lines().get(i);
            SharedRules.lineTotal(line.price(), line.qty(), line.totalPrice(), "lines[" + i + "]", findings);
            SharedRules.barcode(line.barcode(), "lines[" + i + "].barcode", findings);
            linesTotal = linesTotal.add(line.totalPrice());
        }
        // ours: customs may still accept it, so the sender is warned rather than refused
        if (!Money.sameAmount(linesTotal, order.goodsValue())) {
            findings.warning("goodsValue", "GOODS_VALUE_MISMATCH", "goodsValue " + order.goodsValue().toPlainString()
                    + " differs from the sum of line totals " + Money.cents(linesTotal).toPlainString());
        }
        SharedRules.identity(order.buyer(), "buyer", findings);
    }
}
