package org.parkhub.precheck;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The retail import tax tables of {@code config/customs/tax-rates.yaml}, each from the day it applies. Read again when
 * the file changes, so a new policy takes effect without a restart; a changed file that does not read keeps the
 * tables before it (and says why in the log), so a typo never leaves the pre-check without rates.
 */
public final class TaxTables {

    private static final Logger LOG = LoggerFactory.getLogger(TaxTables.class);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()).registerModule(new JavaTimeModule());

    record File(List<TaxRates> tables) {
    }

    private record Loaded(FileTime modified, List<TaxRates> tables) {
    }

    private final Path file;
    private volatile Loaded loaded;

    private TaxTables(Path file, Loaded loaded) {
        this.file = file;
        this.loaded = loaded;
    }

    /** Reads the file; a file that does not read or holds no sound table stops the start with the reason. */
    public static TaxTables load(Path file) throws IOException {
        return new TaxTables(file, read(file));
    }

    /** The table that applies on a day: the latest that started by then (the first, for days before it). */
    public TaxRates on(LocalDate day) {
        List<TaxRates> tables = current().tables();
        TaxRates applies = tables.get(0);
        for (TaxRates table : tables) {
            if (!table.from().isAfter(day)) {
                applies = table;
            }
        }
        return applies;
    }

    private Loaded current() {
        Loaded known = loaded;
        try {
            if (!Files.getLastModifiedTime(file).equals(known.modified())) {
                synchronized (this) {
                    if (loaded == known) {
                        loaded = read(file);
                        LOG.info("tax tables read again from {}: {} tables", file, loaded.tables().size());
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            LOG.error("tax tables in {} not read again, the earlier ones stay: {}", file, e.getMessage());
        }
        return loaded;
    }

    private static Loaded read(Path file) throws IOException {
        FileTime modified = Files.getLastModifiedTime(file);
        File parsed = YAML.readValue(file.toFile(), File.class);
        if (parsed.tables() == null || parsed.tables().isEmpty()) {
            throw new IllegalArgumentException(file + " holds no tax table");
        }
        for (TaxRates t : parsed.tables()) {
            if (t.from() == null || t.vat() == null || t.share() == null || t.singleLimit() == null || t.annualLimit() == null) {
                throw new IllegalArgumentException(file + ": each table names from, vat, share, singleLimit, annualLimit");
            }
            for (BigDecimal rate : t.consumptionTax().values()) {
                if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) >= 0) {
                    throw new IllegalArgumentException(file + ": table from " + t.from()
                            + ": a consumption-tax rate is at least 0 and below 1, not " + rate);
                }
            }
        }
        return new Loaded(modified, parsed.tables().stream().sorted(Comparator.comparing(TaxRates::from)).toList());
    }
}
