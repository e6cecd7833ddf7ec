package org.parkhub.platform;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/** The broker the hub talks to: its own embedded Artemis, or an external one (scale-out). */
interface HubBroker extends AutoCloseable {

    /** A new (unpooled) connection factory, authenticated as the hub. */
    ActiveMQConnectionFactory connectionFactory();

    /** Address for the start-up log; never includes credentials. */
    String describe();
}
