package org.parkhub.platform;

import org.parkhub.declaration.Declarations;
import org.parkhub.journal.DeliveryLog;
import org.parkhub.journal.Journal;
import org.parkhub.journal.Outbox;
import org.parkhub.journal.RoutingRecords;
import org.parkhub.precheck.QuotaLedger;

/**
 * The journal: accepted messages, their outbox entries, the routing decisions and what became of each copy; and
 * what is kept in step with it (each declaration's lifecycle, each buyer's annual quota).
 */
final class JournalWiring {

    final Journal journal;
    final Outbox outbox;
    final RoutingRecords routingRecords;
    final DeliveryLog deliveryLog;
    final Declarations declarations;
    final QuotaLedger quotas;

    JournalWiring(HubFoundation hub, ParticipantWiring participants) {
        journal = new Journal(hub.dataSource, hub.clock, hub.settings.timeZone());
        outbox = new Outbox(hub.dataSource, hub.settings.timeZone());
        routingRecords = new RoutingRecords(hub.dataSource, hub.clock, hub.settings.timeZone());
        deliveryLog = new DeliveryLog(hub.dataSource, hub.clock, hub.settings.timeZone(), hub.metrics);
        declarations = new Declarations(hub.dataSource);
        quotas = new QuotaLedger(hub.dataSource, participants.sealer::keyedHash, hub.settings.timeZone());
    }
}
