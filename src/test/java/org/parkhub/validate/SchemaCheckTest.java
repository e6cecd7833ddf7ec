package org.parkhub.validate;

import static org.parkhub.fixtures.RecordEdit.with;
import static org.parkhub.validate.ValidatorSupport.assertErrors;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.parkhub.fixtures.ParkFixtures;
import org.parkhub.model.Order;
import org.parkhub.model.OrderLine;

/** Schema-level constraints, each reported with its stable code and field path. */
class SchemaCheckTest {

    private final Order valid = new ParkFixtures(11).transaction().order();

    @Test
    void aValidOrderHasNoErrors() {
        assertErrors(valid).isEmpty();
    }

    @Test
    void missingFieldIsRequired() {
        assertErrors(with(valid, "orderNo", null)).containsExactly("orderNo:REQUIRED");
    }

    @Test
    void blankFieldIsRequired() {
        assertErrors(with(valid, "buyer.name", "  ")).containsExactly("buyer.name:REQUIRED");
    }

    @Test
    void overlongFieldIsLength() {
        assertErrors(with(valid, "orderNo", "O".repeat(61))).containsExactly("orderNo:LENGTH");
    }

    @Test
    void wrongShapeIsFormat() {
        assertErrors(with(valid, "ebpCode", "3301960abc")).containsExactly("ebpCode:FORMAT");
    }

    @Test
    void tooManyDecimalsIsDecimalFormat() {
        assertErrors(with(valid, "freight", "1.123456")).contains("freight:DECIMAL_FORMAT");
    }

    @Test
    void negativeMoneyIsRange() {
        assertErrors(with(valid, "discount", "-1")).contains("discount:RANGE");
    }

    @Test
    void unknownCodeIsCodeList() {
        assertErrors(with(valid, "lines[0].originCountry", "KR")).containsExactly("lines[0].originCountry:CODE_LIST");
    }

    @Test
    void lineNumberOutOfRangeIsRange() {
        assertErrors(with(valid, "lines[0].gnum", 100)).contains("lines[0].gnum:RANGE");
    }

    @Test
    void anOrderNeedsLines() {
        assertErrors(new Order(valid.orderNo(), valid.ebpCode(), null, valid.ebcCode(), null, valid.goodsValue(),
                valid.freight(), valid.discount(), valid.taxTotal(), valid.actualPaid(), valid.currency(),
                valid.buyer(), valid.consignee(), null, null, null, null, null, List.of()))
                .containsExactly("lines:REQUIRED");
    }

    @Test
    void atMost99Lines() {
        List<OrderLine> lines = new ArrayList<>(Collections.nCopies(100, valid.lines().get(0)));
        assertErrors(new Order(valid.orderNo(), valid.ebpCode(), null, valid.ebcCode(), null, valid.goodsValue(),
                valid.freight(), valid.discount(), valid.taxTotal(), valid.actualPaid(), valid.currency(),
                valid.buyer(), valid.consignee(), null, null, null, null, null, lines))
                .contains("lines:LENGTH");
    }
}
