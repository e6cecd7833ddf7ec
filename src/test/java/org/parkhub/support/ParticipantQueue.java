package org.parkhub.support;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.apache.qpid.jms.JmsConnectionFactory;

/** Reads a participant's delivery queue over AMQP 1.0 with Qpid JMS, authenticated as that participant. */
public final class ParticipantQueue implements AutoCloseable {

    private final Connection connection;
    private final Session session;
    private final MessageConsumer consumer;

    public ParticipantQueue(int brokerPort, String participantId, String apiKey, String queue) throws JMSException {
        this(brokerPort, participantId, apiKey, queue, null);
    }

    /** Only the messages the JMS {@code selector} (over the copies' headers, e.g. parkhubType) chooses. */
    public ParticipantQueue(int brokerPort, String participantId, String apiKey, String queue, String selector)
            throws JMSException {
        JmsConnectionFactory factory = new JmsConnectionFactory(participantId, apiKey, "amqp://127.0.0.1:" + brokerPort);
        connection = factory.createConnection();
        try {
            session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            consumer = session.createConsumer(session.createQueue(queue), selector);
            connection.start();
        } catch (JMSException e) {
            connection.close();
            throw e;
        }
    }

    public static ParticipantQueue own(int brokerPort, String participantId, String apiKey) throws JMSException {
        return new ParticipantQueue(brokerPort, participantId, apiKey, "hub.deliver." + participantId);
    }

    /** A participant's own copies of one type. */
    public static ParticipantQueue ownOfType(int brokerPort, String participantId, String apiKey, String type)
            throws JMSException {
        return new ParticipantQueue(brokerPort, participantId, apiKey, "hub.deliver." + participantId,
                "parkhubType = '" + type + "'");
    }

    /** The next message, or null if none arrives within the timeout. */
    public TextMessage receive(long timeoutMillis) throws JMSException {
        Message message = consumer.receive(timeoutMillis);
        return (TextMessage) message;
    }

    /** The copy of one hub message, skipping other messages on the queue; null if it does not arrive in time. */
    public TextMessage receiveCopyOf(String messageId, long timeoutMillis) throws JMSException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        for (long left = timeoutMillis; left > 0; left = deadline - System.currentTimeMillis()) {
            TextMessage message = receive(left);
            if (message == null || messageId.equals(message.getStringProperty("parkhubMessageId"))) {
                return message;
            }
        }
        return null;
    }

    @Override
    public void close() throws JMSException {
        connection.close();
    }
}
