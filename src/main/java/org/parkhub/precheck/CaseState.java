package org.parkhub.precheck;

import java.util.List;
import java.util.Optional;

import org.parkhub.declaration.DeclarationState;

/** Where a transaction stands before and with customs. */
public enum CaseState {
    /** A document customs matches is missing (order, payment or waybill): {@code missing} says which. */
    PENDING,
    /** Order, payment and waybill agree: ready to declare. */
    MATCHED,
    /** They disagree: customs would reject the declaration; the findings say why. */
    MISMATCH,
    /** Declared: customs has it and has not decided. */
    DECLARED,
    /** Customs released it. */
    RELEASED,
    /** Customs rejected it, or could not process it. */
    REJECTED,
    /** The order, or the declaration with customs, was cancelled. */
    CANCELLED;

    /** Once declared, customs' answers decide; before, the documents do. */
    static CaseState of(boolean orderCancelled, List<String> missing, List<Finding> findings,
            Optional<DeclarationState> declared) {
        if (orderCancelled || declared.filter(s -> s == DeclarationState.CANCELLED).isPresent()) {
            return CANCELLED;
        }
        if (declared.isPresent() && declared.get() != DeclarationState.SUBMITTED) {
            return switch (declared.get()) {
                case REJECTED, FAILED -> REJECTED;
                case RELEASED, CLOSED, REFUNDED, RETURNED -> RELEASED;
                default -> DECLARED;
            };
        }
        if (!missing.isEmpty()) {
            return PENDING;
        }
        return findings.stream().anyMatch(f -> f.severity() == Finding.Severity.ERROR) ? MISMATCH : MATCHED;
    }
}
