package org.parkhub.platform;

import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.core.server.ServerSession;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerMessagePlugin;
import org.apache.activemq.artemis.core.transaction.Transaction;
import org.parkhub.routing.HubHeaders;

/**
 * Stamps every message a participant sends with the participant the broker authenticated, overwriting
 * whatever the sender put there: the broker ingress trusts this property and nothing else. Artemis's own
 * populate-validated-user does not reach AMQP messages, hence a plugin of ours, on every protocol.
 */
final class SenderStamp implements ActiveMQServerMessagePlugin {

    @Override
    public void beforeSend(ServerSession session, Transaction tx, Message message, boolean direct,
                           boolean noAutoCreateQueue) {
        String user = session.getValidatedUser();
        if (user != null && !BrokerSecurity.HUB_USER.equals(user)) {
            message.putStringProperty(HubHeaders.SENDER, user);
            message.reencode();
        }
    }
}
