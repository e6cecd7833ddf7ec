package org.parkhub.journal;

/** Where a journaled message stands: RECEIVED when journaled, ROUTED once its recipients are decided. */
public enum MessageStatus {
    RECEIVED, ROUTED
}
