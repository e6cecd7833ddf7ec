package org.parkhub.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.parkhub.customs.CebDocuments;
import org.parkhub.customs.CebTaxes;
import org.parkhub.customs.CebXml;
import org.parkhub.fixtures.ParkFixtures;
import org.parkhub.fixtures.RecordEdit;
import org.parkhub.model.InventoryDeclaration;
import org.parkhub.model.TaxBill;
import org.parkhub.precheck.TaxTables;
import org.parkhub.validate.Findings;
import org.parkhub.validate.MessageValidator;

/** The simulated customs' tax bill: customs' formula item by item, and a CEB816 the hub reads and accepts. */
class CustomsSimulatorTaxTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Test
    void theTaxBillIsCustomsFormulaToTheCentAndReadsBack() throws Exception {
        TaxTables tables = TaxTables.load(Path.of("config/customs/tax-rates.yaml"));
        CustomsSimulator simulator = new CustomsSimulator(null, null, tables, key -> key,
                new CustomsSimulator.Behaviour(java.time.Duration.ZERO, 0), Clock.system(ZONE), ZONE);
        ParkFixtures fixtures = new ParkFixtures(985);
        // one line of 1,000 with no freight: 91.00 without consumption tax (DOMAIN.md section 5)
        InventoryDeclaration d = RecordEdit.with(RecordEdit.with(RecordEdit.with(RecordEdit.with(RecordEdit.with(
                fixtures.declaration(fixtures.transaction()), "lines[0].qty", "1"), "lines[0].price", "1000"),
                "lines[0].totalPrice", "1000"), "freight", "0"), "lines[0].gcode", "3304990099");
        d = RecordEdit.with(d, "lines", List.of(d.lines().get(0)));
        TaxBill bill = simulator.taxBill(d, "422720261000000001", OffsetDateTime.now(ZONE), tables.on(d.declTime()));

        assertThat(bill.valueAddedTax().add(bill.consumptionTax())).isEqualByComparingTo(new BigDecimal("91.00"));

        String xml = CebXml.write(CebTaxes.toCeb816(List.of(bill), ZONE));
        CebDocuments.Content read = CebDocuments.read(xml, ZONE);
        Findings findings = new MessageValidator(Clock.system(ZONE)).validate(read.payloads().get(0));
        assertThat(findings.errors()).isEmpty();
    }
}
