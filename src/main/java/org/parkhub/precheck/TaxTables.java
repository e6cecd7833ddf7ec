package org.parkhub.precheck;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;


/**
 * The retail import tax tables of {@code config/customs/tax-rates.yaml}, each from the day it applies. Read again when
 * the file changes, so a new policy takes effect without a restart; a changed file that does not read keeps the
 * tables before it (and says why in the log), so a typo never leaves the pre-check without rates.
 */
public final class TaxTables {

    record File(List<TaxRates> tables) {
    }

    private final ReloadingYaml<List<TaxRates>> file;

    private TaxTables(ReloadingYaml<List<TaxRates>> file) {
        this.file = file;
    }

    /** Reads the file; a file that does not read or holds no sound table stops the start with the reason. */
    public static TaxTables load(Path file) throws IOException {
        return new TaxTables(ReloadingYaml.load(file, File.class, TaxTables::tables));
    }

    /** The table that applies on a day: the latest that started by then (the first, for days before it). */
    public TaxRates on(LocalDate day) {
        return Editions.on(file.current(), TaxRates::from, day);
    }

    private static List<TaxRates> tables(File parsed) {
        if (parsed.tables() == null || parsed.tables().isEmpty()) {
            throw new IllegalArgumentException("no tax table");
        }
        for (TaxRates t : parsed.tables()) {
            if (t.from() == null || t.vat() == null || t.share() == null || t.singleLimit() == null || t.annualLimit() == null) {
                throw new IllegalArgumentException("each table names from, vat, share, singleLimit, annualLimit");
            }
            for (BigDecimal rate : t.consumptionTax().values()) {
                if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) >= 0) {
                    throw new IllegalArgumentException("table from " + t.from()
                            + ": a consumption-tax rate is at least 0 and below 1, not " + rate);
                }
            }
        }
        return parsed.tables().stream().sorted(Comparator.comparing(TaxRates::from)).toList();
    }
}
