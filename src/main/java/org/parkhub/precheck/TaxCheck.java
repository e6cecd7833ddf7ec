package org.parkhub.precheck;

import java.math.BigDecimal;
import java.util.Optional;

import org.parkhub.model.Order;
import org.parkhub.precheck.Finding.Disagreement;
import org.parkhub.validate.Money;

/**
 * The order's tax ({@code taxTotal}, null without an order) against the tax customs would compute: assessed when every
 * line's HS code is known, else why not.
 * Customs rounds each item's tax to the cent and a platform may round the sum: the two may differ by up to a cent an
 * item without anyone being wrong, so only a larger difference is a {@code TAX} finding.
 */
public record TaxCheck(BigDecimal taxTotal, RetailTax.Assessment assessment, String notAssessedBecause) {

    static TaxCheck assessed(Order order, RetailTax.Assessment assessment) {
        return new TaxCheck(order.taxTotal(), assessment, null);
    }

    static TaxCheck notAssessed(Order order, String because) {
        return new TaxCheck(order == null ? null : order.taxTotal(), null, because);
    }

    Optional<Finding> finding() {
        if (assessment == null) {
            return Optional.empty();
        }
        BigDecimal rounding = new BigDecimal("0.01").multiply(BigDecimal.valueOf(assessment.items().size()));
        BigDecimal difference = taxTotal.subtract(assessment.total()).abs();
        if (difference.compareTo(rounding) <= 0) {
            return Optional.empty();
        }
        return Optional.of(Finding.error("TAX", "the order's taxTotal is not the tax customs will compute",
                new Disagreement("order.taxTotal", Money.cents(taxTotal).toPlainString(), "computed tax",
                        Money.cents(assessment.total()).toPlainString())));
    }
}
