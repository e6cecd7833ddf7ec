package org.parkhub.platform;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.parkhub.delivery.DeliveryRoutes;
import org.parkhub.ingest.file.InboxLayout;
import org.parkhub.participant.CredentialCheck;
import org.parkhub.participant.Participant;
import org.parkhub.participant.ParticipantChanges;
import org.parkhub.participant.ParticipantDirectory;

/**
 * Makes a participant an administrator added or changed (already stored) work at once, without a restart:
 * the hub's directory and credential cache, its FTP home, its broker queues and rights, its delivery route
 * and its backlog gauge. This node only: other nodes of a scale-out pick the change up when they restart.
 */
final class ParticipantRollout implements ParticipantChanges {

    private final ParticipantDirectory directory;
    private final CredentialCheck credentials;
    private final InboxLayout homes;
    private final HubBroker broker;
    private final DeliveryRoutes deliveryRoutes;
    private final HubMetrics metrics;
    private final CamelContext context;

    ParticipantRollout(ParticipantDirectory directory, CredentialCheck credentials, InboxLayout homes, HubBroker broker,
                       DeliveryRoutes deliveryRoutes, HubMetrics metrics, CamelContext context) {
        this.directory = directory;
        this.credentials = credentials;
        this.homes = homes;
        this.broker = broker;
        this.deliveryRoutes = deliveryRoutes;
        this.metrics = metrics;
        this.context = context;
    }

    /** Credentials changed: keys and passwords remembered as verified are checked again. */
    @Override
    public void credentialsChanged() {
        directory.reload();
        credentials.forget();
    }

    /** A participant joined the park. */
    @Override
    public void joined(Participant participant) throws Exception {
        credentialsChanged();
        homes.createHome(participant.id());
        try (ActiveMQConnectionFactory factory = broker.connectionFactory()) {
            BrokerTopology.declare(factory, directory.all());
        }
        broker.admit(directory.all());
        deliveryRoutes.refresh(context, participant);
        metrics.watchBacklog(participant.id());
    }

    /** A participant changed: its rights follow its roles, its delivery route its delivery (only when that changed). */
    @Override
    public void changed(Participant before, Participant after) throws Exception {
        credentialsChanged();
        broker.admit(directory.all());
        if (!before.delivery().equals(after.delivery())) {
            deliveryRoutes.refresh(context, after);
        }
    }
}
