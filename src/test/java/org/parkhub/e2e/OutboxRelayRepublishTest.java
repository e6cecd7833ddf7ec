package org.parkhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parkhub.fixtures.ParkFixtures;
import org.parkhub.model.CanonicalMapper;
import org.parkhub.routing.HubAddresses;
import org.parkhub.routing.HubHeaders;
import org.parkhub.support.Demo;
import org.parkhub.support.RunningHub;

/**
 * A crash after the broker took a batch from the outbox but before the outbox learned it: the relay publishes
 * the batch again, the broker refuses it as holding a duplicate, and the relay must still get the rest out
 * (found by the crash harness: the relay kept retrying the refused batch for ever).
 */
class OutboxRelayRepublishTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    @Test
    void aBatchHoldingAMessageTheBrokerAlreadyHasStillGoesOut() throws Exception {
        try (RunningHub hub = RunningHub.start(dataDir)) {
            hub.context().getRouteController().stopRoute("outbox-relay");
            ParkFixtures fixtures = new ParkFixtures(91);
            String first = post(hub, CanonicalMapper.toJson(fixtures.transaction().order()));
            String second = post(hub, CanonicalMapper.toJson(fixtures.transaction().order()));

            // the broker already has the first one, as if the relay had published it just before a crash
            ConnectionFactory factory = hub.context().getRegistry().lookupByNameAndType("connectionFactory", ConnectionFactory.class);
            try (Connection connection = factory.createConnection();
                 Session session = connection.createSession(true, Session.SESSION_TRANSACTED)) {
                MessageProducer producer = session.createProducer(session.createTopic(HubAddresses.EVENTS));
                // its body does not matter here (the router parks what it cannot read); its duplicate id does
                TextMessage earlier = session.createTextMessage("{}");
                earlier.setStringProperty(HubHeaders.DUPLICATE_ID, first);
                producer.send(earlier);
                session.commit();
            }

            hub.context().getRouteController().startRoute("outbox-relay");
            await().atMost(Duration.ofSeconds(20)).until(() -> hub.get("/api/v1/messages/" + second, Demo.PLATFORM_KEY)
                    .body().contains("\"status\":\"ROUTED\""));
        }
    }

    private static String post(RunningHub hub, String order) throws Exception {
        var answer = hub.post("/api/v1/messages/order", Demo.PLATFORM_KEY, "application/json", order);
        assertThat(answer.statusCode()).isEqualTo(202);
        return JSON.readTree(answer.body()).at("/items/0/messageId").asText();
    }
}
