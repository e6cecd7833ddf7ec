package org.parkhub.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.parkhub.fixtures.ParkFixtures;
import org.parkhub.fixtures.RecordEdit;

/** What changed between two revisions, field by field. */
class PayloadDiffTest {

    private final Order order = new ParkFixtures(43).transaction().order();

    @Test
    void theSameContentHasNoChanges() {
        assertThat(PayloadDiff.between(order, order)).isEmpty();
    }

    @Test
    void eachChangedAddedOrRemovedFieldIsNamedWithBothValues() {
        Order changed = RecordEdit.with(RecordEdit.with(RecordEdit.with(order, "lines[0].qty", "7"), "note", "new"),
                "consignee.district", null);
        assertThat(PayloadDiff.between(order, changed)).containsExactly(
                new PayloadDiff.Change("consignee.district", order.consignee().district(), null),
                new PayloadDiff.Change("lines[0].qty", order.lines().get(0).qty().toPlainString(), "7"),
                new PayloadDiff.Change("note", null, "new"));
    }
}
