package org.parkhub.platform;

import java.util.Collection;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.parkhub.participant.Participant;

/** An external Artemis (cluster) given by parkhub.broker.url; its policy is the broker's own configuration. */
final class ExternalBroker implements HubBroker {

    private final HubSettings settings;

    ExternalBroker(HubSettings settings) {
        this.settings = settings;
    }

    @Override
    public ActiveMQConnectionFactory connectionFactory() {
        return new ActiveMQConnectionFactory(settings.broker().url(),
                settings.broker().user().isEmpty() ? null : settings.broker().user(),
                settings.broker().password().isEmpty() ? null : settings.broker().password());
    }

    @Override
    public void admit(Collection<Participant> participants) {
        // the external broker authenticates and authorises through its own configuration
    }

    @Override
    public String describe() {
        return "external Artemis " + settings.broker().url().replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    @Override
    public void close() {
        // the external broker outlives the hub
    }
}
