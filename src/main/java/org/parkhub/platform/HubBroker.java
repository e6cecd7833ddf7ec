package org.parkhub.platform;

import java.util.Collection;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.parkhub.participant.Participant;

/** The broker the hub talks to: its own embedded Artemis, or an external one (scale-out). */
interface HubBroker extends AutoCloseable {

    /** A new (unpooled) connection factory, authenticated as the hub. */
    ActiveMQConnectionFactory connectionFactory();

    /**
     * Gives the participants (after one joined or changed) their rights on the broker: reading their own
     * queues, sending the types they may send. An external broker's security is its operators' (README).
     */
    void admit(Collection<Participant> participants);

    /** Address for the start-up log; never includes credentials. */
    String describe();
}
