package org.parkhub.validate;

import org.parkhub.model.InventoryCancellation;

/** CEB623 rules: the buyer must be the declaration's real buyer, so the identity must be well formed. */
public final class InventoryCancellationRules implements BusinessRules<InventoryCancellation> {

    @Override
    public Class<InventoryCancellation> type() {
        return InventoryCancellation.class;
    }

    @Override
    public void check(InventoryCancellation cancellation, Findings findings) {
        SharedRules.identity(cancellation.buyer(), "buyer", findings);
    }
}
