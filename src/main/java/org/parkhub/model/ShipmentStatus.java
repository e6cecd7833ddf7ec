package org.parkhub.model;

/** Carrier tracking statuses; SIGNED is the customs sign-for (CEB513 {@code S}). */
public enum ShipmentStatus {
    PICKED_UP, DEPARTED, IN_TRANSIT, ARRIVED, OUT_FOR_DELIVERY, SIGNED, EXCEPTION, RETURNED
}
