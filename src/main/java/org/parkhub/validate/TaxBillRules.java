package org.parkhub.validate;

import java.math.BigDecimal;
import java.util.function.Function;

import org.parkhub.model.TaxBill;
import org.parkhub.model.TaxLine;

/** CEB816 rules: head totals are the sums of the line amounts. */
public final class TaxBillRules implements BusinessRules<TaxBill> {

    @Override
    public Class<TaxBill> type() {
        return TaxBill.class;
    }

    @Override
    public void check(TaxBill bill, Findings findings) {
        SharedRules.lineNumbers(bill.lines(), TaxLine::gnum, findings);
        total(bill, "customsTax", bill.customsTax(), TaxLine::customsTax, findings);
        total(bill, "valueAddedTax", bill.valueAddedTax(), TaxLine::valueAddedTax, findings);
        total(bill, "consumptionTax", bill.consumptionTax(), TaxLine::consumptionTax, findings);
    }

    private static void total(TaxBill bill, String field, BigDecimal head, Function<TaxLine, BigDecimal> amount,
                              Findings findings) {
        BigDecimal sum = bill.lines().stream().map(amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (!Money.sameAmount(sum, head)) {
            findings.error(field, "TAX_TOTAL_MISMATCH",
                    field + " " + head.toPlainString() + " is not the sum of its lines " + Money.cents(sum).toPlainString());
        }
    }
}
