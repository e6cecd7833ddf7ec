package org.parkhub.journal;

import java.time.OffsetDateTime;

/** One step in the life of a recipient's copy: an attempt that failed, the delivery, a dead letter, a replay. */
public record DeliveryEvent(String recipient, OffsetDateTime at, Kind event, String detail) {

    public enum Kind { ATTEMPT_FAILED, DELIVERED, DEAD, REPLAYED, DISCARDED }
}
