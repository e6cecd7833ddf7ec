package org.parkhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parkhub.fixtures.ParkFixtures;
import org.parkhub.model.CanonicalMapper;
import org.parkhub.support.Demo;
import org.parkhub.support.RunningHub;

/**
 * A participant that reads its own queue and keeps failing on a copy (its transaction rolls back each time):
 * after the broker's maximum deliveries the copy is a dead letter in the journal, and a replay brings it back.
 */
@Tag("slow") // left out of the quick tier (mvn -Pquick verify); the full run has it
class QueueDeadLetterTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    @Test
    void aCopyTheConsumerKeepsRollingBackBecomesADeadLetterAndIsReplayed() throws Exception {
        try (RunningHub hub = RunningHub.start(dataDir)) {
            HttpResponse<String> posted = hub.post("/api/v1/messages/order", Demo.PLATFORM_KEY, "application/json",
                    CanonicalMapper.toJson(new ParkFixtures(931).transaction().order()));
            String messageId = JSON.readTree(posted.body()).at("/items/0/messageId").asText();
            JmsConnectionFactory factory = new JmsConnectionFactory("BROKER-01", "phk_demobroker01_demo-key-broker-01",
                    "amqp://127.0.0.1:" + hub.brokerPort());
            try (Connection connection = factory.createConnection()) {
                Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
                // the order's copy only: customs' receipt for the order reaches the broker too
                MessageConsumer consumer = session.createConsumer(session.createQueue("hub.deliver.BROKER-01"),
                        "parkhubMessageId = '" + messageId + "'");
                connection.start();
                // config/broker.xml: 5 deliveries, 1 + 2 + 4 + 8 s apart; every one fails in the firm's system
                int deliveries = 0;
                for (Message copy = consumer.receive(20_000); copy != null; copy = consumer.receive(20_000)) {
                    assertThat(copy.getStringProperty("parkhubMessageId")).isEqualTo(messageId);
                    deliveries++;
                    session.rollback();
                    if (deliveries == 5) {
                        break;
                    }
                }
                assertThat(deliveries).isEqualTo(5);
                JsonNode dead = JSON.readTree(await().atMost(Duration.ofSeconds(20)).until(
                        () -> hub.get("/api/v1/admin/dead-letters?recipient=BROKER-01", Demo.ADMIN_KEY).body(),
                        body -> body.contains(messageId)));
                assertThat(dead.toString()).contains("not acknowledged by BROKER-01");
                assertThat(consumer.receive(500)).as("the broker holds no copy any more").isNull();

                HttpResponse<String> replay = hub.post("/api/v1/admin/dead-letters/replay", Demo.ADMIN_KEY,
                        "application/json", "{\"recipient\":\"BROKER-01\",\"messageId\":\"" + messageId + "\"}");
                assertThat(replay.body()).contains(messageId);
                Message again = consumer.receive(20_000);
                assertThat(again).isNotNull();
                assertThat(again.getStringProperty("parkhubMessageId")).isEqualTo(messageId);
                session.commit();
            }
        }
    }
}
