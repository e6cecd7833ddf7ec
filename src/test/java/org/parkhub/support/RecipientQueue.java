package org.parkhub.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.qpid.jms.JmsConnectionFactory;

/**
 * A recipient reading its delivery queue over AMQP in a transacted session (copies are acknowledged, in batches,
 * only once they are kept), reconnecting whenever the hub goes away; it keeps the message ids it saw (a receiver deduplicates by
 * them) and counts every copy that came. A {@link #counting} one only counts: tens of millions of ids would not
 * fit the test's heap.
 */
public final class RecipientQueue implements Runnable {

    private static final int COMMIT_EVERY = 200;

    private final ChildHub hub;
    private final String participant;
    private final String apiKey;
    private final Set<String> received = ConcurrentHashMap.newKeySet();
    private final boolean keepsIds;
    private final AtomicLong copies = new AtomicLong();
    private volatile boolean stopped;

    public RecipientQueue(ChildHub hub, String participant, String apiKey) {
        this(hub, participant, apiKey, true);
    }

    private RecipientQueue(ChildHub hub, String participant, String apiKey, boolean keepsIds) {
        this.hub = hub;
        this.participant = participant;
        this.apiKey = apiKey;
        this.keepsIds = keepsIds;
    }

    /** A recipient that counts the copies it takes and keeps no ids ({@link #received} stays empty). */
    public static RecipientQueue counting(ChildHub hub, String participant, String apiKey) {
        return new RecipientQueue(hub, participant, apiKey, false);
    }

    public String participant() {
        return participant;
    }

    @Override
    public void run() {
        while (!stopped) {
            try (Connection connection = connect()) {
                // a careful receiver: a copy counts as taken only once it is kept, then acknowledged
                Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
                MessageConsumer consumer = session.createConsumer(session.createQueue("hub.deliver." + participant));
                connection.start();
                int uncommitted = 0;
                while (!stopped) {
                    Message copy = consumer.receive(500);
                    if (copy != null) {
                        copies.incrementAndGet();
                        if (keepsIds) {
                            received.add(copy.getStringProperty("parkhubMessageId"));
                        }
                        uncommitted++;
                    }
                    // acknowledged in batches, as a busy receiver does: what a crash catches uncommitted comes again
                    if (uncommitted > 0 && (copy == null || uncommitted >= COMMIT_EVERY)) {
                        session.commit();
                        uncommitted = 0;
                    }
                }
            } catch (JMSException e) {
                // the hub went away: connect again when it is back
                await().atMost(Duration.ofMinutes(2)).until(() -> stopped || hub.ready());
            }
        }
    }

    /** AMQP 1.0 (Qpid JMS) by default, as firms read; {@code -Dparkhub.crash.reader=core} for Artemis' own protocol. */
    private Connection connect() throws JMSException {
        if ("core".equals(System.getProperty("parkhub.crash.reader"))) {
            // the factory stays open: closing it would close the connection it made
            return new ActiveMQConnectionFactory("tcp://127.0.0.1:" + hub.brokerPort(), participant, apiKey)
                    .createConnection();
        }
        return new JmsConnectionFactory(participant, apiKey, "amqp://127.0.0.1:" + hub.brokerPort()).createConnection();
    }

    public void stop() {
        stopped = true;
    }

    public Set<String> received() {
        return received;
    }

    public long copies() {
        return copies.get();
    }
}
