package org.parkhub.validate;

import static org.parkhub.fixtures.RecordEdit.with;
import static org.parkhub.validate.ValidatorSupport.assertErrors;
import static org.parkhub.validate.ValidatorSupport.assertWarnings;

import org.junit.jupiter.api.Test;
import org.parkhub.fixtures.ParkFixtures;
import org.parkhub.model.ProductFiling;
import org.parkhub.model.StockMovement;

class StockAndProductRulesTest {

    private final ParkFixtures fixtures = new ParkFixtures(51);
    private final ProductFiling product = fixtures.product();
    private final StockMovement receipt = fixtures.stockReceipt(product, 12);

    @Test
    void validProductAndReceiptPass() {
        assertErrors(product).isEmpty();
        assertWarnings(product).isEmpty();
        assertErrors(receipt).isEmpty();
    }

    @Test
    void receiptsIssuesAndTransfersArePositive() {
        assertErrors(with(receipt, "qty", "-1")).containsExactly("qty:QTY_SIGN");
        assertErrors(with(with(receipt, "kind", "ISSUE"), "qty", "0")).containsExactly("qty:QTY_SIGN");
    }

    @Test
    void adjustmentsMayBeNegativeButNotZero() {
        assertErrors(with(with(receipt, "kind", "ADJUST"), "qty", "-3")).isEmpty();
        assertErrors(with(with(receipt, "kind", "ADJUST"), "qty", "0")).containsExactly("qty:QTY_SIGN");
    }

    @Test
    void countsAreNotNegative() {
        assertErrors(with(with(receipt, "kind", "COUNT"), "qty", "0")).isEmpty();
        assertErrors(with(with(receipt, "kind", "COUNT"), "qty", "-1")).containsExactly("qty:QTY_SIGN");
    }

    @Test
    void bondedStockNeedsItsAccountBookItem() {
        assertErrors(with(receipt, "itemRecordNo", null)).containsExactly("itemRecordNo:BONDED_RECORD_MISSING");
        assertErrors(with(with(receipt, "itemRecordNo", null), "emsNo", null)).isEmpty();
    }

    @Test
    void movementsCannotLieInTheFuture() {
        assertErrors(with(receipt, "occurredAt", "2026-12-01T00:00:00+08:00")).containsExactly("occurredAt:TIME_IN_FUTURE");
    }

    @Test
    void barcodesCarryAValidCheckDigit() {
        String code = product.barcode();
        String wrong = code.substring(0, 12) + (char) ('0' + (code.charAt(12) - '0' + 1) % 10);
        assertErrors(with(product, "barcode", wrong)).containsExactly("barcode:BARCODE_CHECK_DIGIT");
    }

    @Test
    void certificatesEndAfterTheyStart() {
        assertErrors(with(product, "certificates[0].validUntil", "2025-01-01")).containsExactly("certificates[0].validUntil:CERTIFICATE_DATES");
    }

    @Test
    void expiredCertificatesAreWarnedAbout() {
        ProductFiling expired = with(with(product, "certificates[0].issuedOn", "2020-01-01"),
                "certificates[0].validUntil", "2021-01-01");
        assertErrors(expired).isEmpty();
        assertWarnings(expired).containsExactly("certificates[0].validUntil:CERTIFICATE_EXPIRED");
    }

    @Test
    void certificatesAreNotIssuedInTheFuture() {
        assertErrors(with(with(product, "certificates[0].issuedOn", "2027-01-01"), "certificates[0].validUntil", "2029-01-01"))
                .containsExactly("certificates[0].issuedOn:TIME_IN_FUTURE");
    }
}
