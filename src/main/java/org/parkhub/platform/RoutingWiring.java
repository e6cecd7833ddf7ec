package org.parkhub.platform;

import org.parkhub.routing.OutboxRelay;
import org.parkhub.routing.Router;
import org.parkhub.routing.RouterConsumer;
import org.parkhub.routing.RoutingSettings;
import org.parkhub.routing.RoutingTable;
import org.parkhub.routing.SubscriptionStore;

/** From the journal to the recipients: the outbox relay, the routing table and subscriptions, the router. */
final class RoutingWiring {

    final SubscriptionStore subscriptions;

    RoutingWiring(HubFoundation hub, ParticipantWiring participants, BrokerWiring broker, JournalWiring journal)
            throws Exception {
        RoutingSettings settings = hub.settings.routing();
        hub.bind("outboxRelay", new OutboxRelay(journal.outbox, broker.connections, settings.outboxBatchSize()));
        subscriptions = new SubscriptionStore(hub.dataSource, hub.clock);
        // the router takes events as the relay publishes them: a batch per transaction, waiting a poll period at most
        RouterConsumer router = new RouterConsumer(new Router(RoutingTable.load(settings.routingFile()), subscriptions,
                participants.directory, journal.journal, journal.routingRecords, journal.declarations, hub.metrics),
                broker.connections,
                settings.outboxBatchSize(), settings.outboxPoll().toMillis(), () -> Database.answers(hub.dataSource));
        hub.bind("routerConsumer", router);
        hub.closeWithContext("router", router::close); // before the broker connections: its consumer goes first
    }
}
