package org.parkhub.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.parkhub.fixtures.RecordEdit.with;
import static org.parkhub.validate.ValidatorSupport.assertErrors;
import static org.parkhub.validate.ValidatorSupport.assertWarnings;

import org.junit.jupiter.api.Test;
import org.parkhub.fixtures.ParkFixtures;
import org.parkhub.fixtures.Transaction;
import org.parkhub.model.CustomsReceipt;
import org.parkhub.model.InventoryDeclaration;
import org.parkhub.model.TaxBill;
import org.parkhub.model.TradeMode;

class CustomsDocumentRulesTest {

    private final ParkFixtures fixtures = new ParkFixtures(61);
    private final Transaction t = fixtures.transaction();
    private final InventoryDeclaration declaration = fixtures.declaration(t);
    private final CustomsReceipt receipt = fixtures.orderReceipt(t.order(), 120);
    private final TaxBill tax = fixtures.taxBill(declaration, "42272026I000000001");

    @Test
    void validDocumentsPass() {
        assertErrors(declaration).isEmpty();
        assertErrors(receipt).isEmpty();
        assertErrors(tax).isEmpty();
    }

    @Test
    void bondedDeclarationsNeedTheAccountBook() {
        assertErrors(with(declaration, "emsNo", null)).containsExactly("emsNo:TRADE_MODE_FIELD");
        assertErrors(with(declaration, "lines[0].itemRecordNo", null)).containsExactly("lines[0].itemRecordNo:TRADE_MODE_FIELD");
    }

    @Test
    void directPurchaseNeedsTheTransport() {
        assertErrors(with(declaration, "tradeMode", "9610")).containsExactly("trafNo:TRADE_MODE_FIELD",
                "voyageNo:TRADE_MODE_FIELD", "billNo:TRADE_MODE_FIELD");
        InventoryDeclaration shipped = with(with(with(with(declaration, "tradeMode", "9610"), "trafNo", "CA1234"),
                "voyageNo", "20261207"), "billNo", "999-12345678");
        assertErrors(shipped).isEmpty();
        assertErrors(with(shipped, "voyageNo", null)).containsExactly("voyageNo:TRADE_MODE_FIELD");
    }

    @Test
    void bondedImportANeedsTheAccountBookAs1210Does() {
        InventoryDeclaration bondedA = with(declaration, "tradeMode", "1239");
        assertThat(bondedA.tradeMode()).isEqualTo(TradeMode.BONDED_A);
        assertErrors(bondedA).isEmpty();
        assertErrors(with(bondedA, "areaCode", null)).containsExactly("areaCode:TRADE_MODE_FIELD");
    }

    @Test
    void aTradeModeOutsideTheSpecificationsListIsRefused() {
        assertThatThrownBy(() -> with(declaration, "tradeMode", "0110")).isInstanceOf(IllegalArgumentException.class);
        assertThat(TradeMode.values()).extracting(TradeMode::customsCode).containsExactly("1210", "1239", "9610");
    }

    @Test
    void aBarcodeIsFreeTextAndAMistypedGtinIsAWarning() {
        assertErrors(with(declaration, "lines[0].barcode", "批次A-0001 / 内盒")).isEmpty();
        assertErrors(with(t.order(), "lines[0].barcode", "6901234567892")).isEmpty();
        assertWarnings(with(t.order(), "lines[0].barcode", "6901234567891"))
                .containsExactly("lines[0].barcode:BARCODE_CHECK_DIGIT");
        assertWarnings(with(declaration, "lines[0].barcode", "6901234567891"))
                .containsExactly("lines[0].barcode:BARCODE_CHECK_DIGIT");
        assertErrors(with(declaration, "lines[0].barcode", "x".repeat(51))).containsExactly("lines[0].barcode:LENGTH");
    }

    @Test
    void aLowerCaseGuidIsAGuid() {
        assertErrors(with(receipt, "guid", "0e0b1c55-6f1a-4c47-9d55-6a3f0c2e7b11")).isEmpty();
        assertErrors(with(receipt, "guid", "0e0b1c55-6f1a-4c47-9d55-6a3f0c2e7b1")).containsExactly("guid:FORMAT");
    }

    @Test
    void netWeightIsAtMostGrossWeight() {
        assertErrors(with(declaration, "netWeight", declaration.grossWeight().add(java.math.BigDecimal.ONE).toPlainString()))
                .containsExactly("netWeight:WEIGHT_ORDER");
    }

    @Test
    void declarationLinesAddUp() {
        assertErrors(with(declaration, "lines[0].totalPrice", "0.01")).containsExactly("lines[0].totalPrice:LINE_TOTAL_MISMATCH");
        assertErrors(with(declaration, "lines[0].gnum", 3)).contains("lines[0].gnum:GNUM_SEQUENCE");
        assertErrors(with(declaration, "lines[0].currency", "USD")).containsExactly("lines[0].currency:CURRENCY_NOT_CNY");
    }

    @Test
    void declaredBuyerIdIsChecked() {
        assertErrors(with(declaration, "buyer.idNumber", "110101199013011237")).containsExactly("buyer.idNumber:ID_CHECKSUM");
    }

    @Test
    void receiptsCarryTheKeysTheyAreMatchedOn() {
        assertErrors(with(receipt, "orderNo", null)).containsExactly("orderNo:RECEIPT_KEY_MISSING");
        assertErrors(with(receipt, "messageCode", "CEB412")).containsExactly("payCode:RECEIPT_KEY_MISSING",
                "payTransactionId:RECEIPT_KEY_MISSING");
    }

    @Test
    void receiptsAreCustomsReceiptMessages() {
        assertErrors(with(receipt, "messageCode", "CEB311")).containsExactly("messageCode:CODE_LIST");
    }

    @Test
    void receiptStatusesAreCustomsStatuses() {
        assertErrors(with(receipt, "returnStatus", 42)).containsExactly("returnStatus:CODE_LIST");
        assertErrors(with(receipt, "returnStatus", -621005)).isEmpty();
    }

    @Test
    void taxBillTotalsAreTheSumOfItsLines() {
        assertErrors(with(tax, "valueAddedTax", "0.00")).containsExactly("valueAddedTax:TAX_TOTAL_MISMATCH");
    }
}
