package org.parkhub.validate;

import org.parkhub.model.InventoryRefund;
import org.parkhub.model.RefundLine;

/** CEB625 rules: each returned declaration line named once, and a well-formed buyer identity. */
public final class InventoryRefundRules implements BusinessRules<InventoryRefund> {

    @Override
    public Class<InventoryRefund> type() {
        return InventoryRefund.class;
    }

    @Override
    public void check(InventoryRefund refund, Findings findings) {
        // gnum names the line of the original declaration, so a return of line 2 alone is fine: no sequence
        SharedRules.unique("lines", refund.lines(), RefundLine::gnum, "gnum", findings);
        SharedRules.identity(refund.buyer(), "buyer", findings);
    }
}
