package org.parkhub.journal;

/** A recipient's copy: QUEUED on hub.deliver.<recipient>, then DELIVERED or FAILED by its delivery adapter. */
public enum DeliveryStatus {
    QUEUED, DELIVERED, FAILED
}
