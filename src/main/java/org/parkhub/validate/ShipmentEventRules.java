package org.parkhub.validate;

import java.time.Clock;

import org.parkhub.model.ShipmentEvent;

/** Carrier tracking event rules. */
public final class ShipmentEventRules implements BusinessRules<ShipmentEvent> {

    private final Clock clock;

    public ShipmentEventRules(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Class<ShipmentEvent> type() {
        return ShipmentEvent.class;
    }

    @Override
    public void check(ShipmentEvent event, Findings findings) {
        SharedRules.notInFuture(event.occurredAt(), "occurredAt", clock, findings);
    }
}
