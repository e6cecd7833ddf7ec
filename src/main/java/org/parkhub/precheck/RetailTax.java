package org.parkhub.precheck;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Retail import tax as customs computes it, item by item (DOMAIN.md section 5): on a dutiable price P with
 * consumption-tax rate c and VAT rate v, CT = P·c/(1−c) and VAT = (P + CT)·v, of which the share (70%) is levied:
 * tax = P · share · (c + v) / (1 − c), to the cent. Freight and insurance are dutiable, shared among the items by
 * their value.
 */
public final class RetailTax {

    private static final MathContext EXACT = MathContext.DECIMAL128;

    /** An item to tax: its line number, HS code and goods value. */
    public record Item(int gnum, String hsCode, BigDecimal value) {
    }

    /** An item's tax: its dutiable price, consumption-tax rate and tax. */
    public record ItemTax(int gnum, String hsCode, BigDecimal dutiable, BigDecimal consumptionRate, BigDecimal tax) {
    }

    /** The tax of a transaction's items under a table, and its total. */
    public record Assessment(LocalDate from, List<ItemTax> items, BigDecimal total) {

        public Assessment {
            items = List.copyOf(items);
        }
    }

    private RetailTax() {
    }

    /** One item's tax on its dutiable price, to the cent. */
    public static BigDecimal tax(BigDecimal dutiable, BigDecimal consumptionRate, TaxRates rates) {
        BigDecimal rate = rates.share().multiply(consumptionRate.add(rates.vat()))
                .divide(BigDecimal.ONE.subtract(consumptionRate), EXACT);
        return dutiable.multiply(rate).setScale(2, RoundingMode.HALF_UP);
    }

    public static Assessment assess(List<Item> items, BigDecimal freightAndInsurance, TaxRates rates) {
        BigDecimal goods = items.stream().map(Item::value).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<ItemTax> taxed = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Item item : items) {
            BigDecimal share = goods.signum() == 0 ? BigDecimal.ZERO
                    : freightAndInsurance.multiply(item.value()).divide(goods, EXACT);
            BigDecimal dutiable = item.value().add(share);
            BigDecimal c = rates.consumptionRate(item.hsCode());
            BigDecimal tax = tax(dutiable, c, rates);
            taxed.add(new ItemTax(item.gnum(), item.hsCode(), dutiable.setScale(2, RoundingMode.HALF_UP), c, tax));
            total = total.add(tax);
        }
        return new Assessment(rates.from(), taxed, total);
    }
}
