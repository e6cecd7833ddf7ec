package org.parkhub.precheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retail import tax to the cent, DOMAIN.md section 5's worked examples, and the park's tables by date. */
class RetailTaxTest {

    static final Path SHIPPED = Path.of("config/customs/tax-rates.yaml");
    static final TaxRates RATES_2019 = new TaxRates(LocalDate.of(2019, 4, 1), new BigDecimal("0.13"), new BigDecimal("0.7"),
            new BigDecimal("5000"), new BigDecimal("26000"), Map.of("3303", new BigDecimal("0.15")));

    @Test
    void theWorkedExamplesToTheCent() {
        // no consumption tax: 9.1%; 15% consumption tax: 23.06% (not (c+v)x70% = 19.6%)
        assertThat(RetailTax.tax(new BigDecimal("1000"), BigDecimal.ZERO, RATES_2019)).isEqualByComparingTo("91.00");
        assertThat(RetailTax.tax(new BigDecimal("1000"), new BigDecimal("0.15"), RATES_2019)).isEqualByComparingTo("230.59");
    }

    @Test
    void freightIsSharedByValueAndEachItemTakesItsOwnRate() {
        RetailTax.Assessment a = RetailTax.assess(List.of(new RetailTax.Item(1, "3304990099", new BigDecimal("600")),
                new RetailTax.Item(2, "3303000000", new BigDecimal("400"))), new BigDecimal("100"), RATES_2019);
        assertThat(a.items()).extracting(RetailTax.ItemTax::dutiable).containsExactly(new BigDecimal("660.00"),
                new BigDecimal("440.00"));
        assertThat(a.items()).extracting(RetailTax.ItemTax::consumptionRate).containsExactly(BigDecimal.ZERO,
                new BigDecimal("0.15"));
        // 660 x 9.1% = 60.06; 440 x 0.7 x 0.28 / 0.85 = 101.459 -> 101.46
        assertThat(a.total()).isEqualByComparingTo("161.52");
    }

    @Test
    void theTableOfTheOrdersDateApplies() throws Exception {
        TaxTables tables = TaxTables.load(SHIPPED);
        assertThat(tables.on(LocalDate.of(2018, 12, 31)).singleLimit()).isEqualByComparingTo("2000");
        assertThat(tables.on(LocalDate.of(2019, 3, 31)).vat()).isEqualByComparingTo("0.16");
        assertThat(tables.on(LocalDate.of(2019, 3, 31)).singleLimit()).isEqualByComparingTo("5000");
        assertThat(tables.on(LocalDate.of(2019, 4, 1)).vat()).isEqualByComparingTo("0.13");
        assertThat(tables.on(LocalDate.of(2026, 12, 7)).annualLimit()).isEqualByComparingTo("26000");
        assertThat(tables.on(LocalDate.of(2026, 12, 7)).consumptionRate("2204210000")).isEqualByComparingTo("0.10");
        assertThat(tables.on(LocalDate.of(2026, 12, 7)).consumptionRate("3304990099")).isEqualByComparingTo("0");
    }

    @Test
    void aNewTableTakesEffectWithoutARestartAndABrokenFileKeepsTheOldOnes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tax-rates.yaml");
        Files.copy(SHIPPED, file);
        TaxTables tables = TaxTables.load(file);
        LocalDate next = LocalDate.of(2027, 2, 1);
        assertThat(tables.on(next).vat()).isEqualByComparingTo("0.13");

        Files.writeString(file, Files.readString(file) + """
                  - from: 2027-01-01
                    vat: "0.10"
                    share: "0.7"
                    singleLimit: "8000"
                    annualLimit: "30000"
                """);
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 2000));
        assertThat(tables.on(next).vat()).isEqualByComparingTo("0.10");
        assertThat(tables.on(next).singleLimit()).isEqualByComparingTo("8000");
        assertThat(tables.on(LocalDate.of(2026, 12, 31)).vat()).as("orders before it keep theirs").isEqualByComparingTo("0.13");

        Files.writeString(file, "tables: [");
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 4000));
        assertThat(tables.on(next).vat()).isEqualByComparingTo("0.10");
    }
}
