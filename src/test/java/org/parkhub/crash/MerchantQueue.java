package org.parkhub.crash;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.jms.JMSException;
import jakarta.jms.TextMessage;
import org.parkhub.support.ParticipantQueue;

/**
 * The merchant reading its delivery queue over AMQP, reconnecting whenever the hub goes away; it keeps the
 * message ids it saw (a receiver deduplicates by them) and counts the copies that came twice.
 */
final class MerchantQueue implements Runnable {

    private final ChildHub hub;
    private final Set<String> received = ConcurrentHashMap.newKeySet();
    private final AtomicLong copies = new AtomicLong();
    private volatile boolean stopped;

    MerchantQueue(ChildHub hub) {
        this.hub = hub;
    }

    @Override
    public void run() {
        while (!stopped) {
            try (ParticipantQueue queue = ParticipantQueue.own(hub.brokerPort(), "MERCH-01", "demo-key-merch-01")) {
                while (!stopped) {
                    TextMessage copy = queue.receive(500);
                    if (copy != null) {
                        copies.incrementAndGet();
                        received.add(copy.getStringProperty("parkhubMessageId"));
                    }
                }
            } catch (JMSException e) {
                // the hub went away: connect again when it is back
                await().atMost(Duration.ofMinutes(2)).until(() -> stopped || hub.ready());
            }
        }
    }

    void stop() {
        stopped = true;
    }

    Set<String> received() {
        return received;
    }

    long copies() {
        return copies.get();
    }
}
