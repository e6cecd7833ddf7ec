package org.parkhub.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.parkhub.participant.Participant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the events of one durable queue on hub.events in batches, one broker transaction per batch, and hands each
 * batch to its {@link Handler}: the router, which journals the decisions for the whole batch in one database
 * transaction and returns the copies, each sent to its recipient's hub.deliver queue; the customs pre-check, which
 * journals the results of the cases the batch changed. The commit takes the events and sends the copies at once. One
 * commit per batch instead of one per event is what the benchmark's profile asked for (per-event commits of the
 * database and the broker took most of the router's time).
 * <p>
 * A batch that fails is rolled back and its events are then taken one per transaction, so that an event the
 * handler cannot take goes the broker's way alone (redelivery, then DLQ.hub.events) and the others flow on.
 * The consumer keeps its events in order; one order's events (a message group) stay with it while it runs.
 * <p>
 * A batch that fails while the database does not answer is rolled back and no events are taken until the
 * database answers again: an outage spends one delivery attempt of one batch, not the attempts of every event
 * waiting on hub.events.
 */
public class EventConsumer {

    /** What a consumer does with a batch of envelopes (JSON, as on hub.events): the copies to send, if any. */
    @FunctionalInterface
    public interface Handler {
        List<Router.Copy> take(List<String> envelopeJsons);
    }


    private static final Logger LOG = LoggerFactory.getLogger(EventConsumer.class);
    /** How long one call keeps taking batches before it lets the route (and a shutdown) have its turn. */
    private static final long MAX_BUSY_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final String queue;
    private final String work;
    private final Handler handler;
    private final ConnectionFactory connections;
    private final int batchSize;
    private final long receiveMs;
    private final BooleanSupplier databaseAnswers;
    /** Events still to take one at a time after a failed batch. */
    private int singlesLeft;
    private boolean brokerAway;
    /** The database did not answer after a batch failed: no events are taken until it does. */
    private boolean databaseAway;
    private Connection connection;
    private Session session;
    private MessageConsumer consumer;
    private MessageProducer producer;

    /** {@code queue}: its name on hub.events; {@code work}: what it does, for the log ("routing"). */
    public EventConsumer(String queue, String work, Handler handler, ConnectionFactory connections, int batchSize,
                         long receiveMs, BooleanSupplier databaseAnswers) {
        this.queue = queue;
        this.work = work;
        this.handler = handler;
        this.connections = connections;
        this.batchSize = batchSize;
        this.receiveMs = receiveMs;
        this.databaseAnswers = databaseAnswers;
    }

    /**
     * Takes what the queue holds (for at most about a second); returns how many events were taken. While the
     * broker is away it takes nothing and says so once; what was not committed is taken again when it is back.
     */
    public synchronized int takePending() {
        if (databaseAway) {
            if (!databaseAnswers.getAsBoolean()) {
                return 0;
            }
            databaseAway = false;
            LOG.info("the database answers again; {} goes on", work);
        }
        try {
            int taken = takeBatches();
            brokerAway = false;
            return taken;
        } catch (JMSException e) {
            if (!brokerAway) {
                LOG.warn("cannot reach the broker ({}); {} goes on when it is back", e.toString(), work);
                brokerAway = true;
            }
            return 0;
        }
    }

    private int takeBatches() throws JMSException {
        int taken = 0;
        long until = System.nanoTime() + MAX_BUSY_NANOS;
        try {
            open();
            while (System.nanoTime() < until) {
                List<Message> batch = receive(singlesLeft > 0 ? 1 : batchSize);
                if (batch.isEmpty()) {
                    break;
                }
                if (takeBatch(batch)) {
                    taken += batch.size();
                } else if (databaseAway) {
                    break;
                }
            }
        } catch (JMSException e) {
            // the broker went away: a new session and consumer next time; what was not committed is offered again
            close();
            throw e;
        }
        return taken;
    }

    /**
     * The consumer keeps its session and consumer between calls: opening a consumer on every timer tick churned the
     * broker's consumers and handed the message groups (one order's events) to whichever consumer came next.
     */
    private void open() throws JMSException {
        if (connection != null) {
            return;
        }
        connection = connections.createConnection();
        session = connection.createSession(true, Session.SESSION_TRANSACTED);
        consumer = session.createConsumer(session.createQueue(HubAddresses.EVENTS + "::" + queue));
        producer = session.createProducer(null);
        producer.setDeliveryMode(DeliveryMode.PERSISTENT);
        connection.start();
    }

    /** Lets the events it holds go back to the queue (the hub stops it before the broker). */
    public synchronized void close() {
        if (connection == null) {
            return;
        }
        // one by one: the hub's connection factory caches sessions and shares the connection, so closing the
        // connection alone would leave the consumer open; a session returned with a transaction rolls it back
        try (Connection c = connection; Session s = session; MessageConsumer m = consumer) {
            LOG.debug("{} lets go of its consumer", work);
        } catch (JMSException e) {
            LOG.debug("closing the consumer of {}: {}", queue, e.toString());
        }
        connection = null;
        session = null;
        consumer = null;
        producer = null;
    }

    /** Hands one batch to the handler and commits it with the copies; false when it was rolled back. */
    private boolean takeBatch(List<Message> batch) throws JMSException {
        try {
            List<String> envelopes = new ArrayList<>(batch.size());
            for (Message event : batch) {
                envelopes.add(((TextMessage) event).getText());
            }
            for (Router.Copy copy : handler.take(envelopes)) {
                TextMessage message = session.createTextMessage(copy.body());
                for (Map.Entry<String, Object> header : copy.headers().entrySet()) {
                    message.setObjectProperty(header.getKey(), header.getValue());
                }
                producer.send(session.createQueue(Participant.deliveryQueue(copy.recipient())), message);
            }
            session.commit();
            singlesLeft = Math.max(0, singlesLeft - batch.size());
            return true;
        } catch (RuntimeException | JMSException e) {
            session.rollback();
            if (!databaseAnswers.getAsBoolean()) {
                // not the events' fault: taking them again now would spend their delivery attempts on the outage
                // and, an outage longer than the broker's back-off, park every waiting event on DLQ.hub.events
                databaseAway = true;
                LOG.warn("the database does not answer ({}); {} waits for it, the events stay on {}",
                        e.toString(), work, HubAddresses.EVENTS + "::" + queue);
                return false;
            }
            if (batch.size() > 1) {
                singlesLeft = batch.size();
                LOG.warn("{}: a batch of {} events failed ({}); they are taken again one at a time",
                        work, batch.size(), e.toString());
            } else {
                singlesLeft = Math.max(0, singlesLeft - 1);
                LOG.warn("{}: event {} failed; the broker offers it again, then moves it to DLQ.{}: {}",
                        work, batch.get(0).getJMSMessageID(), HubAddresses.EVENTS, e.toString());
            }
            return false;
        }
    }

    /** Up to {@code max} events: the first waited for briefly, the rest as far as they are there already. */
    private List<Message> receive(int max) throws JMSException {
        List<Message> batch = new ArrayList<>();
        Message first = consumer.receive(receiveMs);
        if (first == null) {
            return batch;
        }
        batch.add(first);
        while (batch.size() < max) {
            Message next = consumer.receiveNoWait();
            if (next == null) {
                break;
            }
            batch.add(next);
        }
        return batch;
    }
}
