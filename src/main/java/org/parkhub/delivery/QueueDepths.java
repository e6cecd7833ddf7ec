package org.parkhub.delivery;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;

/**
 * How many messages wait on a broker queue, asked of the broker's management address (embedded or external
 * Artemis alike): the backlog of a participant that reads its own queue.
 */
public class QueueDepths {

    private static final String MANAGEMENT_ADDRESS = "activemq.management";
    private static final long ANSWER_MILLIS = 5000;

    private final ConnectionFactory connections;

    public QueueDepths(ConnectionFactory connections) {
        this.connections = connections;
    }

    public long messages(String queue) throws JMSException {
        try (Connection connection = connections.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            TemporaryQueue replies = session.createTemporaryQueue();
            MessageConsumer answers = session.createConsumer(replies);
            connection.start();
            Message request = session.createMessage();
            JMSManagementHelper.putAttribute(request, "queue." + queue, "messageCount");
            request.setJMSReplyTo(replies);
            session.createProducer(session.createQueue(MANAGEMENT_ADDRESS)).send(request);
            Message answer = answers.receive(ANSWER_MILLIS);
            if (answer == null || !JMSManagementHelper.hasOperationSucceeded(answer)) {
                throw new JMSException("the broker did not tell the depth of " + queue);
            }
            return ((Number) JMSManagementHelper.getResult(answer)).longValue();
        } catch (JMSException e) {
            throw e;
        } catch (Exception e) {
            JMSException failed = new JMSException("cannot read the depth of " + queue + ": " + e.getMessage());
            failed.setLinkedException(e);
            throw failed;
        }
    }
}
