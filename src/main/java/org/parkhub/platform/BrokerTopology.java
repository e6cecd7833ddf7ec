package org.parkhub.platform;

import java.util.Collection;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.parkhub.model.MessageType;
import org.parkhub.participant.Participant;
import org.parkhub.precheck.PrecheckResults;
import org.parkhub.routing.HubAddresses;
import org.parkhub.routing.HubHeaders;

/**
 * Declares the hub's addresses and queues on the broker before any route starts, embedded or external:
 * hub.events (multicast) with the router's durable queue and the customs pre-check's (filtered by type), so nothing
 * published before their first connection is dropped; per participant its hub.deliver.&lt;id&gt; and parkhub.rejected.&lt;id&gt;
 * queues; the ingress queues parkhub.in.&lt;type&gt;; and hub.dead for copies the broker gave up on.
 */
public final class BrokerTopology {

    /** Where firms send a type straight to the broker. */
    public static String ingressAddress(MessageType type) {
        return "parkhub.in." + type.path();
    }

    /** Where firms send customs XML (any CEB message the hub reads) straight to the broker. */
    public static final String CEB_INGRESS = "parkhub.in.ceb";

    private BrokerTopology() {
    }

    static void declare(ActiveMQConnectionFactory factory, Collection<Participant> participants) throws Exception {
        ServerLocator locator = factory.getServerLocator();
        try (ClientSessionFactory sessions = locator.createSessionFactory();
             ClientSession session = sessions.createSession(factory.getUser(), factory.getPassword(), false, true, true, false, 1)) {
            ensure(session, QueueConfiguration.of(HubAddresses.ROUTER_QUEUE).setAddress(HubAddresses.EVENTS)
                    .setRoutingType(RoutingType.MULTICAST));
            ensure(session, QueueConfiguration.of(HubAddresses.PRECHECK_QUEUE).setAddress(HubAddresses.EVENTS)
                    .setRoutingType(RoutingType.MULTICAST).setFilterString(HubHeaders.TYPE + " IN ("
                            + String.join(", ", PrecheckResults.WATCHED.stream().map(t -> "'" + t.path() + "'").toList())
                            + ")"));
            ensure(session, QueueConfiguration.of(HubAddresses.DEAD_COPIES).setRoutingType(RoutingType.ANYCAST));
            for (Participant participant : participants) {
                ensure(session, QueueConfiguration.of(participant.deliveryQueue()).setRoutingType(RoutingType.ANYCAST));
                ensure(session, QueueConfiguration.of(participant.rejectionQueue()).setRoutingType(RoutingType.ANYCAST));
            }
            for (MessageType type : MessageType.FIRM_MESSAGES) {
                ensure(session, QueueConfiguration.of(ingressAddress(type)).setRoutingType(RoutingType.ANYCAST));
            }
            ensure(session, QueueConfiguration.of(CEB_INGRESS).setRoutingType(RoutingType.ANYCAST));
        }
    }

    private static void ensure(ClientSession session, QueueConfiguration queue) throws Exception {
        if (!session.queueQuery(SimpleString.of(queue.getName().toString())).isExists()) {
            session.createQueue(queue.setDurable(true).setAutoCreateAddress(true));
        }
    }
}
