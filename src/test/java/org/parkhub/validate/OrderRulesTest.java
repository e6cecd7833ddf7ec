package org.parkhub.validate;

import static org.parkhub.fixtures.RecordEdit.with;
import static org.parkhub.validate.ValidatorSupport.assertErrors;
import static org.parkhub.validate.ValidatorSupport.assertWarnings;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.parkhub.fixtures.ParkFixtures;
import org.parkhub.model.Order;

class OrderRulesTest {

    private final Order valid = new ParkFixtures(21).transaction().order();

    @Test
    void aValidOrderPasses() {
        assertErrors(valid).isEmpty();
        assertWarnings(valid).isEmpty();
    }

    @Test
    void actualPaidMustAddUp() {
        assertErrors(with(valid, "actualPaid", valid.actualPaid().add(new BigDecimal("0.01")).toPlainString()))
                .containsExactly("actualPaid:PAID_MISMATCH");
    }

    @Test
    void discountCountsAgainstActualPaid() {
        Order discounted = with(valid, "discount", "5.00");
        assertErrors(discounted).containsExactly("actualPaid:PAID_MISMATCH");
        assertErrors(with(discounted, "actualPaid", valid.actualPaid().subtract(new BigDecimal("5")).toPlainString()))
                .isEmpty();
    }

    @Test
    void lineTotalIsPriceTimesQty() {
        Order wrong = with(valid, "lines[0].totalPrice", valid.lines().get(0).totalPrice().add(BigDecimal.ONE).toPlainString());
        assertErrors(wrong).containsExactly("lines[0].totalPrice:LINE_TOTAL_MISMATCH");
    }

    @Test
    void lineTotalIsComparedAtTwoPlaces() {
        Order thirds = with(with(with(valid, "lines[0].price", "33.333"), "lines[0].qty", "3"), "lines[0].totalPrice", "100.00");
        assertErrors(thirds).doesNotContain("lines[0].totalPrice:LINE_TOTAL_MISMATCH");
    }

    @Test
    void goodsValueOffTheLineSumIsOnlyAWarning() {
        Order off = with(with(valid, "goodsValue", valid.goodsValue().add(BigDecimal.ONE).toPlainString()),
                "actualPaid", valid.actualPaid().add(BigDecimal.ONE).toPlainString());
        assertErrors(off).isEmpty();
        assertWarnings(off).containsExactly("goodsValue:GOODS_VALUE_MISMATCH");
    }

    @Test
    void lineNumbersStartAtOneWithoutGaps() {
        assertErrors(with(valid, "lines[0].gnum", 2)).contains("lines[0].gnum:GNUM_SEQUENCE");
    }

    @Test
    void lineNumbersDoNotRepeat() {
        ParkFixtures fixtures = new ParkFixtures(5);
        Order order = fixtures.transaction().order();
        while (order.lines().size() < 2) {
            order = fixtures.transaction().order();
        }
        assertErrors(with(order, "lines[1].gnum", 1)).contains("lines[1].gnum:GNUM_DUPLICATE");
    }

    @Test
    void idCardNumbersAreChecked() {
        String id = valid.buyer().idNumber();
        String wrong = id.substring(0, 17) + (id.charAt(17) == '0' ? '1' : '0');
        assertErrors(with(valid, "buyer.idNumber", wrong)).containsExactly("buyer.idNumber:ID_CHECKSUM");
    }

    @Test
    void otherIdentityDocumentsAreNotChecksummed() {
        assertErrors(with(with(valid, "buyer.idType", "2"), "buyer.idNumber", "E12345678")).isEmpty();
    }

    @Test
    void customsTakesRenminbiOnly() {
        assertErrors(with(valid, "currency", "USD")).containsExactly("currency:CURRENCY_NOT_CNY");
    }
}
