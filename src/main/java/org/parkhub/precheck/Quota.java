package org.parkhub.precheck;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.parkhub.precheck.Finding.Disagreement;

/**
 * A transaction against customs' limits (DOMAIN.md section 5): its dutiable value against the single limit, and the
 * buyer's other declarations of the year plus it against the annual limit, as the tax table of its day sets them.
 */
public record Quota(Integer year, BigDecimal used, BigDecimal transaction, boolean declared, BigDecimal singleLimit,
                    BigDecimal annualLimit) {

    static Quota none() {
        return new Quota(null, null, null, false, null, null);
    }

    /** {@code declared}: the value is the declaration's, whose single limit is rule 3DOC-9's. */
    static Quota of(int year, BigDecimal used, BigDecimal transaction, boolean declared, TaxRates rates) {
        return new Quota(year, used, transaction.setScale(2, RoundingMode.HALF_UP), declared, rates.singleLimit(),
                rates.annualLimit());
    }

    /** What is left of the annual limit after this transaction (negative when over). */
    public BigDecimal remaining() {
        return year == null ? null : annualLimit.subtract(used).subtract(transaction);
    }

    /**
     * LIMIT_SINGLE when an order not yet declared is over the single limit (a declaration over it is 3DOC-9),
     * LIMIT_ANNUAL when the year's total would be over the annual one.
     */
    List<Finding> findings() {
        List<Finding> findings = new ArrayList<>();
        if (year == null) {
            return findings;
        }
        if (!declared && transaction.compareTo(singleLimit) > 0) {
            findings.add(Finding.error("LIMIT_SINGLE", "the transaction's dutiable value is over the single limit",
                    new Disagreement("dutiable value", transaction.toPlainString(), "single limit", singleLimit.toPlainString())));
        }
        if (remaining().signum() < 0) {
            findings.add(Finding.error("LIMIT_ANNUAL", "the buyer's total for " + year + " would be over the annual limit",
                    new Disagreement("buyer's total with this transaction", used.add(transaction).toPlainString(),
                            "annual limit", annualLimit.toPlainString())));
        }
        return findings;
    }
}
