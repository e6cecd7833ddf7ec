package org.parkhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parkhub.support.Demo;
import org.parkhub.support.ParticipantQueue;
import org.parkhub.support.RunningHub;

/** What the hub accepted survives a restart: the journal, the queued copies, and the outbox not yet published. */
@Tag("slow") // left out of the quick tier (mvn -Pquick verify); the full run has it
class RestartTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    @Test
    void journalAndQueuedCopiesSurviveARestart() throws Exception {
        String messageId;
        try (RunningHub hub = RunningHub.start(dataDir)) {
            messageId = post(hub, "ORD-RESTART-1");
            awaitStatus(hub, messageId, "ROUTED");
            hub.stop();
            hub.start();
            JsonNode journaled = JSON.readTree(hub.get("/api/v1/messages/" + messageId, Demo.PLATFORM_KEY).body());
            assertThat(journaled.path("status").asText()).isEqualTo("ROUTED");
            // merchant, warehouse, broker and customs
            assertThat(journaled.path("deliveries").size()).isEqualTo(4);
            try (ParticipantQueue queue = ParticipantQueue.own(hub.brokerPort(), Demo.MERCHANT, Demo.MERCHANT_KEY)) {
                TextMessage copy = queue.receiveCopyOf(messageId, 20_000);
                assertThat(copy).as("the copy queued before the restart").isNotNull();
            }
        }
    }

    @Test
    void aMessageJournaledButNotYetPublishedIsPublishedAfterTheRestart() throws Exception {
        try (RunningHub hub = RunningHub.start(dataDir)) {
            // the crash window: journaled and committed, not yet on hub.events
            hub.context().getRouteController().stopRoute("outbox-relay");
            String messageId = post(hub, "ORD-OUTBOX-1");
            JsonNode waiting = JSON.readTree(hub.get("/api/v1/messages/" + messageId, Demo.PLATFORM_KEY).body());
            assertThat(waiting.path("status").asText()).isEqualTo("RECEIVED");
            hub.stop();

            hub.start();
            awaitStatus(hub, messageId, "ROUTED");
            try (ParticipantQueue queue = ParticipantQueue.own(hub.brokerPort(), Demo.MERCHANT, Demo.MERCHANT_KEY)) {
                assertThat(queue.receiveCopyOf(messageId, 20_000)).isNotNull();
                assertThat(queue.receiveCopyOf(messageId, 1_000)).as("exactly one copy").isNull();
            }
        }
    }

    private static String post(RunningHub hub, String orderNo) throws Exception {
        HttpResponse<String> response = hub.post("/api/v1/messages/order", Demo.PLATFORM_KEY, "application/json",
                Demo.exampleOrder().replace("ORD-20261126-0001", orderNo));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return JSON.readTree(response.body()).at("/items/0/messageId").asText();
    }

    private static void awaitStatus(RunningHub hub, String messageId, String status) {
        await().atMost(Duration.ofSeconds(20)).until(
                () -> JSON.readTree(hub.get("/api/v1/messages/" + messageId, Demo.PLATFORM_KEY).body()).path("status").asText(),
                status::equals);
    }
}
