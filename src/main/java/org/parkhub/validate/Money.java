package org.parkhub.validate;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money comparisons as customs makes them: exact decimals, at two places (ours). */
public final class Money {

    private Money() {
    }

    public static boolean sameAmount(BigDecimal a, BigDecimal b) {
        return cents(a).compareTo(cents(b)) == 0;
    }

    public static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
