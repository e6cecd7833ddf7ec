package org.parkhub.platform;

import java.io.IOException;

import org.parkhub.declaration.Declarations;
import org.parkhub.journal.DeliveryLog;
import org.parkhub.journal.Journal;
import org.parkhub.journal.Outbox;
import org.parkhub.journal.RoutingRecords;
import org.parkhub.precheck.CaseIndex;
import org.parkhub.precheck.CustomsCases;
import org.parkhub.precheck.PositiveList;
import org.parkhub.precheck.QuotaLedger;
import org.parkhub.precheck.TaxTables;

/**
 * The journal: accepted messages, their outbox entries, the routing decisions and what became of each copy; and
 * what is kept in step with it (each declaration's lifecycle, each buyer's annual quota, each customs case's latest
 * pre-check result); and the customs cases assembled from it.
 */
final class JournalWiring {

    final Journal journal;
    final Outbox outbox;
    final RoutingRecords routingRecords;
    final DeliveryLog deliveryLog;
    final Declarations declarations;
    final QuotaLedger quotas;
    final TaxTables taxTables;
    final CustomsCases cases;
    final CaseIndex caseIndex;

    JournalWiring(HubFoundation hub, ParticipantWiring participants) throws IOException {
        journal = new Journal(hub.dataSource, hub.clock, hub.settings.timeZone());
        outbox = new Outbox(hub.dataSource, hub.settings.timeZone());
        routingRecords = new RoutingRecords(hub.dataSource, hub.clock, hub.settings.timeZone());
        deliveryLog = new DeliveryLog(hub.dataSource, hub.clock, hub.settings.timeZone(), hub.metrics);
        declarations = new Declarations(hub.dataSource);
        quotas = new QuotaLedger(hub.dataSource, participants.sealer::keyedHash, hub.settings.timeZone());
        taxTables = TaxTables.load(hub.settings.customs().taxRates());
        cases = new CustomsCases(journal, declarations, taxTables,
                PositiveList.load(hub.settings.customs().positiveList()), quotas, hub.clock, hub.settings.timeZone());
        caseIndex = new CaseIndex(hub.dataSource, hub.settings.timeZone());
    }
}
