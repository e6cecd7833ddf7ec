package org.parkhub.e2e;

import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parkhub.support.Demo;
import org.parkhub.support.RunningHub;

/**
 * The delivery policy of config/broker.xml at work: an event the router cannot handle is retried, then
 * parked on the dead-letter queue, and does not hold up the events behind it.
 */
@Tag("slow") // left out of the quick tier (mvn -Pquick verify); the full run has it
class DeadLetterTest {

    @TempDir
    Path dataDir;

    @Test
    void aPoisonEventEndsOnTheDeadLetterQueueAndOthersFlowOn() throws Exception {
        try (RunningHub hub = RunningHub.start(dataDir)) {
            ConnectionFactory hubConnections = hub.context().getRegistry()
                    .lookupByNameAndType("connectionFactory", ConnectionFactory.class);
            try (Connection connection = hubConnections.createConnection()) {
                // the router waits, so that the poison and the orders behind it come to it in one batch
                hub.context().getRouteController().stopRoute("router");
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                MessageProducer producer = session.createProducer(session.createTopic("hub.events"));
                Message poison = session.createTextMessage("{not an envelope");
                poison.setStringProperty("poison", "yes");
                producer.send(poison);

                List<String> messageIds = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    HttpResponse<String> posted = hub.post("/api/v1/messages/order", Demo.PLATFORM_KEY,
                            "application/json", Demo.exampleOrder());
                    messageIds.add(new com.fasterxml.jackson.databind.ObjectMapper().readTree(posted.body())
                            .at("/items/0/messageId").asText());
                }
                hub.context().getRouteController().startRoute("router");
                // the batch fails on the poison; taken again one at a time, the orders are routed
                for (String messageId : messageIds) {
                    await().atMost(Duration.ofSeconds(20)).until(() -> hub.get("/api/v1/messages/" + messageId,
                            Demo.PLATFORM_KEY).body().contains("\"status\":\"ROUTED\""));
                }

                connection.start();
                // 5 attempts with back-off 1, 2, 4, 8 s (config/broker.xml), then DLQ.<address>
                await().atMost(Duration.ofSeconds(60)).ignoreExceptionsInstanceOf(InvalidDestinationException.class).until(() -> {
                    QueueBrowser browser = session.createBrowser(session.createQueue("DLQ::DLQ.hub.events"));
                    try {
                        Enumeration<?> parked = browser.getEnumeration();
                        while (parked.hasMoreElements()) {
                            if ("yes".equals(((Message) parked.nextElement()).getStringProperty("poison"))) {
                                return true;
                            }
                        }
                        return false;
                    } finally {
                        browser.close();
                    }
                });
            }
        }
    }
}
