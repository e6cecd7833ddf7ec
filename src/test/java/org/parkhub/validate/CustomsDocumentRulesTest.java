package org.parkhub.validate;

import static org.parkhub.fixtures.RecordEdit.with;
import static org.parkhub.validate.ValidatorSupport.assertErrors;

import org.junit.jupiter.api.Test;
import org.parkhub.fixtures.ParkFixtures;
import org.parkhub.fixtures.Transaction;
import org.parkhub.model.CustomsReceipt;
import org.parkhub.model.InventoryDeclaration;
import org.parkhub.model.TaxBill;

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
        assertErrors(with(declaration, "tradeMode", "9610")).containsExactly("billNo:TRADE_MODE_FIELD", "trafNo:TRADE_MODE_FIELD");
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
