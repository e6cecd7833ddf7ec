package org.parkhub.journal;

/**
 * A recipient's copy: QUEUED on hub.deliver.&lt;recipient&gt;; RETRYING after a failed attempt; DELIVERED;
 * DEAD after the recipient's maximum attempts (the dead letters an administrator replays or DISCARDs).
 */
public enum DeliveryStatus {
    QUEUED, RETRYING, DELIVERED, DEAD, DISCARDED;

    /** Still on its way: counts towards the recipient's backlog. */
    public boolean pending() {
        return this == QUEUED || this == RETRYING;
    }
}
