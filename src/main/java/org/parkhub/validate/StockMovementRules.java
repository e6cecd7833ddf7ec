package org.parkhub.validate;

import java.time.Clock;

import org.parkhub.model.StockMovement;

/** Warehouse stock movement rules: quantities signed by kind, bonded stock on its account book. */
public final class StockMovementRules implements BusinessRules<StockMovement> {

    private final Clock clock;

    public StockMovementRules(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Class<StockMovement> type() {
        return StockMovement.class;
    }

    @Override
    public void check(StockMovement movement, Findings findings) {
        int sign = movement.qty().signum();
        switch (movement.kind()) {
            case RECEIPT, ISSUE, TRANSFER -> {
                if (sign <= 0) {
                    findings.error("qty", "QTY_SIGN", movement.kind() + " needs a positive qty");
                }
            }
            case ADJUST -> {
                if (sign == 0) {
                    findings.error("qty", "QTY_SIGN", "an ADJUST of zero changes nothing");
                }
            }
            case COUNT -> {
                if (sign < 0) {
                    findings.error("qty", "QTY_SIGN", "a COUNT cannot be negative");
                }
            }
        }
        if (movement.emsNo() != null && movement.itemRecordNo() == null) {
            findings.error("itemRecordNo", "BONDED_RECORD_MISSING",
                    "bonded stock (emsNo " + movement.emsNo() + ") needs the account book item number");
        }
        SharedRules.notInFuture(movement.occurredAt(), "occurredAt", clock, findings);
    }
}
