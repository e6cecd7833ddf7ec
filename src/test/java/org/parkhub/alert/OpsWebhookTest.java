package org.parkhub.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parkhub.support.Demo;
import org.parkhub.support.RunningHub;
import org.parkhub.support.WebhookReceiver;

/** Alerts raised and cleared reach the operations webhook, signed, and a notice it refused is sent again. */
@Tag("slow") // left out of the quick tier (mvn -Pquick verify); the full run has it
class OpsWebhookTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "ops-webhook-test-secret";

    @TempDir
    Path dataDir;

    @Test
    void aRejectionRateAlertIsPostedWhenRaisedAndWhenCleared() throws Exception {
        try (WebhookReceiver ops = new WebhookReceiver(SECRET)) {
            ops.mode(WebhookReceiver.Mode.FAIL);
            try (RunningHub hub = RunningHub.start(dataDir, Map.of("parkhub.alerts.check-seconds", "1",
                    "parkhub.alerts.min-messages", "1", "parkhub.alerts.max-rejection-rate", "0.5",
                    "parkhub.alerts.ops-webhook.url", ops.url(), "parkhub.alerts.ops-webhook.secret", SECRET))) {
                String wrongTotal = Demo.exampleOrder().replace("\"actualPaid\": \"226.93\"", "\"actualPaid\": \"1.00\"");
                assertThat(hub.post("/api/v1/messages/order", Demo.PLATFORM_KEY, "application/json", wrongTotal).statusCode())
                        .isEqualTo(422);
                // refused at first: the notice waits for the next check
                await().atMost(Duration.ofSeconds(30)).until(() -> !ops.requests().isEmpty());
                assertThat(ops.requests().get(0).answered()).isEqualTo(503);
                ops.mode(WebhookReceiver.Mode.ACCEPT);
                JsonNode raised = await().atMost(Duration.ofSeconds(30)).until(() -> notices(ops), n -> !n.isEmpty()).get(0);
                assertThat(raised.path("state").asText()).isEqualTo("raised");
                assertThat(raised.path("kind").asText()).isEqualTo("REJECTION_RATE");
                assertThat(raised.path("subject").asText()).isEqualTo("PLAT-01");
                assertThat(raised.path("detail").asText()).contains("1 of 1");

                for (int i = 0; i < 2; i++) {
                    assertThat(hub.post("/api/v1/messages/order", Demo.PLATFORM_KEY, "application/json",
                            Demo.exampleOrder()).statusCode()).isEqualTo(202);
                }
                JsonNode cleared = await().atMost(Duration.ofSeconds(30)).until(() -> notices(ops), n -> n.size() >= 2).get(1);
                assertThat(cleared.path("state").asText()).isEqualTo("cleared");
                assertThat(cleared.path("kind").asText()).isEqualTo("REJECTION_RATE");
                assertThat(ops.accepted()).allMatch(WebhookReceiver.Request::signatureValid);
            }
        }
    }

    /** The notices the receiver accepted, in order. */
    private static List<JsonNode> notices(WebhookReceiver ops) throws Exception {
        List<JsonNode> notices = new ArrayList<>();
        for (WebhookReceiver.Request request : ops.accepted()) {
            notices.add(JSON.readTree(request.body()));
        }
        return notices;
    }
}
