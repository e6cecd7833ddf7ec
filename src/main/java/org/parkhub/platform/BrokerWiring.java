package org.parkhub.platform;

import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.connection.CachingConnectionFactory;

/** The broker (embedded or the park's), its addresses and queues, and the hub's pooled connections to it. */
final class BrokerWiring {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerWiring.class);

    final HubBroker broker;
    final CachingConnectionFactory connections;

    BrokerWiring(HubFoundation hub, ParticipantWiring participants) throws Exception {
        broker = hub.settings.broker().embedded()
                ? EmbeddedBroker.start(hub.settings, participants.directory.all(), participants.credentials,
                        participants.guesses)
                : new ExternalBroker(hub.settings);
        hub.closeWithContext("broker", broker::close);
        try (ActiveMQConnectionFactory topologyFactory = broker.connectionFactory()) {
            BrokerTopology.declare(topologyFactory, participants.directory.all());
        }
        connections = new CachingConnectionFactory(broker.connectionFactory());
        connections.setSessionCacheSize(10);
        // a cached consumer keeps its prefetched messages when a listener lets it go: they would wait unread
        connections.setCacheConsumers(false);
        hub.closeWithContext("broker connections", connections::destroy);
        // the one ConnectionFactory in the registry: camel-jms picks it up
        hub.context.getRegistry().bind("connectionFactory", ConnectionFactory.class, connections);
        LOG.info("broker: {}", broker.describe());
    }
}
