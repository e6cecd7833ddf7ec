package org.parkhub.routing;

import java.util.List;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.api.core.ActiveMQDuplicateIdException;
import org.parkhub.journal.Outbox;
import org.parkhub.journal.OutboxEntry;
import org.parkhub.model.Envelope;

/**
 * Publishes journaled messages from the transactional outbox to hub.events, a batch per broker transaction
 * (one journal sync for the batch instead of one per message), then clears their outbox entries. A crash
 * between the two publishes the batch again: the broker knows the messages by their duplicate ids and refuses
 * the whole transaction, so the batch then goes message by message, and those already on hub.events are
 * skipped.
 */
public class OutboxRelay {

    private final Outbox outbox;
    private final ConnectionFactory connections;
    private final int batchSize;

    public OutboxRelay(Outbox outbox, ConnectionFactory connections, int batchSize) {
        this.outbox = outbox;
        this.connections = connections;
        this.batchSize = batchSize;
    }

    /** Publishes what the outbox holds, batch after batch; returns how many messages went out. */
    public int publishPending() throws JMSException {
        int published = 0;
        for (List<OutboxEntry> batch = outbox.unpublished(batchSize); !batch.isEmpty(); batch = outbox.unpublished(batchSize)) {
            publish(batch);
            outbox.published(batch);
            published += batch.size();
        }
        return published;
    }

    /**
     * Messages of one order keep their order; a tracking event without one keeps it within its waybill.
     * Others (products, stock) need no order and no group: any router may take them.
     */
    private static String group(Envelope envelope) {
        if (envelope.keys().orderNo() != null) {
            return "order:" + envelope.keys().orderNo();
        }
        if (envelope.keys().logisticsNo() != null) {
            return "waybill:" + envelope.keys().logisticsNo();
        }
        return null;
    }

    private void publish(List<OutboxEntry> batch) throws JMSException {
        try {
            send(batch);
        } catch (JMSException e) {
            if (!isDuplicate(e)) {
                throw e;
            }
            for (OutboxEntry entry : batch) {
                try {
                    send(List.of(entry));
                } catch (JMSException single) {
                    if (!isDuplicate(single)) {
                        throw single;
                    }
                }
            }
        }
    }

    /** The broker refused a message it already has (same duplicate id): it was published before. */
    private static boolean isDuplicate(JMSException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() != null ? cause.getCause()
                : cause instanceof JMSException jms ? jms.getLinkedException() : null) {
            if (cause instanceof ActiveMQDuplicateIdException) {
                return true;
            }
        }
        return false;
    }

    private void send(List<OutboxEntry> batch) throws JMSException {
        try (Connection connection = connections.createConnection();
             Session session = connection.createSession(true, Session.SESSION_TRANSACTED)) {
            MessageProducer producer = session.createProducer(session.createTopic(HubAddresses.EVENTS));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            for (OutboxEntry entry : batch) {
                Envelope envelope = entry.head();
                TextMessage message = session.createTextMessage(entry.json());
                message.setStringProperty(HubHeaders.MESSAGE_ID, envelope.messageId());
                message.setStringProperty(HubHeaders.TYPE, envelope.type().path());
                message.setStringProperty(HubHeaders.SENDER, envelope.sender());
                message.setStringProperty(HubHeaders.DUPLICATE_ID, envelope.messageId());
                String group = group(envelope);
                if (group != null) {
                    message.setStringProperty(HubHeaders.GROUP, group);
                }
                producer.send(message);
            }
            session.commit();
        }
    }
}
