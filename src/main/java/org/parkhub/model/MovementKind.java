package org.parkhub.model;

/** Kind of stock movement in a (bonded) warehouse. */
public enum MovementKind {
    RECEIPT, ISSUE, ADJUST, COUNT, TRANSFER
}
