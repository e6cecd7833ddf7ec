package org.parkhub.platform;

import org.parkhub.journal.DeliveryLog;
import org.parkhub.journal.Journal;

/** The journal: accepted messages, what became of each copy. */
final class JournalWiring {

    final Journal journal;
    final DeliveryLog deliveryLog;

    JournalWiring(HubFoundation hub) {
        journal = new Journal(hub.dataSource, hub.clock, hub.settings.timeZone());
        deliveryLog = new DeliveryLog(hub.dataSource, hub.clock, hub.settings.timeZone(), hub.metrics);
    }
}
