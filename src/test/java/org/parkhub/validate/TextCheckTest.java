package org.parkhub.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parkhub.fixtures.RecordEdit.with;
import static org.parkhub.validate.ValidatorSupport.assertErrors;

import org.junit.jupiter.api.Test;
import org.parkhub.fixtures.ParkFixtures;
import org.parkhub.model.Order;
import org.parkhub.model.StockMovement;

/** Text that XML 1.0 cannot carry is refused at any depth of any payload; what it allows passes. */
class TextCheckTest {

    private final ParkFixtures fixtures = new ParkFixtures(22);
    private final Order order = fixtures.transaction().order();

    @Test
    void controlCharactersAndLoneSurrogatesAreRefusedWhereTheyAre() {
        assertErrors(with(order, "buyer.name", "Bob\u0000Evil")).containsExactly("buyer.name:CHARACTERS");
        assertErrors(with(order, "consignee.address", "1 Test\u0007Road")).containsExactly("consignee.address:CHARACTERS");
        assertErrors(with(order, "lines[0].name", "Face\uD800cream")).containsExactly("lines[0].name:CHARACTERS");
        assertErrors(with(order, "lines[0].name", "Face\uFFFEcream")).containsExactly("lines[0].name:CHARACTERS");
        StockMovement movement = fixtures.stockReceipt(fixtures.product(), 5);
        assertErrors(with(movement, "reference", "R\u001b1")).containsExactly("reference:CHARACTERS");
    }

    @Test
    void tabsLineBreaksChineseAndEmojiPass() {
        assertErrors(with(order, "consignee.address", "青岛市\t黄岛区\r\n1号 😀")).isEmpty();
    }

    @Test
    void theMessageNamesTheCharacterAndItsPosition() {
        Findings findings = ValidatorSupport.VALIDATOR.validate(with(order, "buyer.name", "Bob\u0000Evil"));
        assertThat(findings.errors().get(0).message()).contains("U+0000").contains("position 4");
        findings = ValidatorSupport.VALIDATOR.validate(with(order, "buyer.name", "Bob\uDC00"));
        assertThat(findings.errors().get(0).message()).contains("lone surrogate (U+DC00)");
    }
}
