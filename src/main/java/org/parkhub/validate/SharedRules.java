package org.parkhub.validate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.parkhub.model.Person;

/** Rules that several payload types share; each is applied by the types' own rule classes. */
final class SharedRules {

    /** Clocks of senders drift; an event a few minutes ahead of ours is not an error. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private SharedRules() {
    }

    /** An ID card number (idType 1) must carry a valid date of birth and check character. */
    static void identity(Person person, String path, Findings findings) {
        if ("1".equals(person.idType()) && !IdCardNumber.isValid(person.idNumber())) {
            findings.error(path + ".idNumber", "ID_CHECKSUM",
                    "is not a valid resident identity card number (birth date or check character)");
        }
    }

    /** Customs declares all retail imports in renminbi. */
    static void renminbi(String currency, String path, Findings findings) {
        if (!"CNY".equals(currency)) {
            findings.error(path, "CURRENCY_NOT_CNY", "customs takes amounts in CNY only, not " + currency);
        }
    }

    static void notInFuture(OffsetDateTime time, String path, Clock clock, Findings findings) {
        if (time.isAfter(OffsetDateTime.now(clock).plus(CLOCK_SKEW))) {
            findings.error(path, "TIME_IN_FUTURE", "lies in the future: " + time);
        }
    }

    /** Line numbers run 1, 2, 3... without gaps or repeats, as customs requires. */
    static <L> void lineNumbers(List<L> lines, Function<L, Integer> gnum, Findings findings) {
        lineNumbers("lines", lines, gnum, findings);
    }

    static <L> void lineNumbers(String listField, List<L> lines, Function<L, Integer> gnum, Findings findings) {
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            Integer number = gnum.apply(lines.get(i));
            if (!seen.add(number)) {
                findings.error(listField + "[" + i + "].gnum", "GNUM_DUPLICATE", "line number " + number + " appears twice");
            } else if (number != i + 1) {
                findings.error(listField + "[" + i + "].gnum", "GNUM_SEQUENCE", "expected line number " + (i + 1) + ", got " + number);
            }
        }
    }

    /** Each value appears once in the list (a parcel or a returned line named twice is a sender's mistake). */
    static <L, V> void unique(String listField, List<L> items, Function<L, V> value, String field, Findings findings) {
        Set<V> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            V v = value.apply(items.get(i));
            if (!seen.add(v)) {
                findings.error(listField + "[" + i + "]." + field, "DUPLICATE", field + " " + v + " appears twice");
            }
        }
    }

    /** totalPrice = price x qty, compared at two places. */
    static void lineTotal(BigDecimal price, BigDecimal qty, BigDecimal totalPrice, String path, Findings findings) {
        BigDecimal expected = price.multiply(qty);
        if (!Money.sameAmount(expected, totalPrice)) {
            findings.error(path + ".totalPrice", "LINE_TOTAL_MISMATCH",
                    "totalPrice " + totalPrice.toPlainString() + " is not price x qty = " + Money.cents(expected).toPlainString());
        }
    }

    /**
     * Customs' {@code barCode} is free text (up to 50 characters); one that looks like a GTIN but fails its check
     * digit is most likely mistyped, so the sender is warned, not refused.
     */
    static void barcode(String barcode, String path, Findings findings) {
        if (barcode != null && barcode.matches("[0-9]{8}|[0-9]{12,14}") && !Gtin.isValid(barcode)) {
            findings.warning(path, "BARCODE_CHECK_DIGIT", barcode + " looks like a GTIN but its check digit is wrong");
        }
    }
}
