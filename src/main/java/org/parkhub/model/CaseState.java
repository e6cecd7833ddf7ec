package org.parkhub.model;

/** Where a transaction's customs case stands before and with customs. */
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
    CANCELLED
}
