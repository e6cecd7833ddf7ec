package org.parkhub.precheck;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * One table of retail import tax, from the day it applies: VAT, the share levied within the limits, the limits, and
 * consumption tax by the start of the HS code.
 */
public record TaxRates(LocalDate from, BigDecimal vat, BigDecimal share, BigDecimal singleLimit, BigDecimal annualLimit,
                       Map<String, BigDecimal> consumptionTax) {

    public TaxRates {
        consumptionTax = Map.copyOf(consumptionTax == null ? Map.of() : consumptionTax);
    }

    /** The consumption-tax rate of an HS code: the longest listed start it has, else none. */
    public BigDecimal consumptionRate(String hsCode) {
        BigDecimal rate = BigDecimal.ZERO;
        int longest = 0;
        for (Map.Entry<String, BigDecimal> e : new TreeMap<>(consumptionTax).entrySet()) {
            if (hsCode != null && hsCode.startsWith(e.getKey()) && e.getKey().length() > longest) {
                rate = e.getValue();
                longest = e.getKey().length();
            }
        }
        return rate;
    }
}
