package org.parkhub.platform;

import java.util.List;

import org.parkhub.journal.JournalProjection;
import org.parkhub.precheck.Declarants;
import org.parkhub.precheck.PrecheckResults;
import org.parkhub.routing.EventConsumer;
import org.parkhub.routing.HubAddresses;
import org.parkhub.routing.OutboxRelay;
import org.parkhub.routing.Router;
import org.parkhub.routing.RoutingSettings;
import org.parkhub.routing.RoutingTable;
import org.parkhub.routing.SubscriptionStore;

/**
 * From the journal to the recipients: the outbox relay, the routing table and subscriptions, the router; and the
 * customs pre-check, which takes the same events and journals the results the router then sends.
 */
final class RoutingWiring {

    final SubscriptionStore subscriptions;

    RoutingWiring(HubFoundation hub, ParticipantWiring participants, BrokerWiring broker, JournalWiring journal)
            throws Exception {
        RoutingSettings settings = hub.settings.routing();
        hub.bind("outboxRelay", new OutboxRelay(journal.outbox, broker.connections, settings.outboxBatchSize()));
        subscriptions = new SubscriptionStore(hub.dataSource, hub.clock);
        // the router takes events as the relay publishes them: a batch per transaction, waiting a poll period at most
        Router router = new Router(RoutingTable.load(settings.routingFile()), subscriptions, participants.directory,
                journal.journal, journal.routingRecords, journal.declarations, hub.metrics);
        EventConsumer routing = new EventConsumer(HubAddresses.ROUTER_QUEUE, "routing", router::route,
                broker.connections, settings.outboxBatchSize(), settings.outboxPoll().toMillis(),
                () -> Database.answers(hub.dataSource));
        hub.bind("routerConsumer", routing);
        hub.closeWithContext("router", routing::close); // before the broker connections: its consumer goes first
        PrecheckResults precheck = new PrecheckResults(journal.cases, journal.declarations, journal.caseIndex,
                journal.journal, JournalProjection.all(journal.declarations, journal.quotas),
                Declarants.load(hub.settings.customs().declarants()), participants.directory, hub.clock,
                hub.settings.timeZone());
        EventConsumer prechecking = new EventConsumer(HubAddresses.PRECHECK_QUEUE, "the customs pre-check",
                envelopes -> {
                    precheck.assess(envelopes);
                    return List.of();
                }, broker.connections, settings.outboxBatchSize(), settings.outboxPoll().toMillis(),
                () -> Database.answers(hub.dataSource));
        hub.bind("precheckConsumer", prechecking);
        hub.closeWithContext("customs pre-check", prechecking::close);
    }
}
