package org.parkhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parkhub.support.Demo;
import org.parkhub.support.DemoPark;
import org.parkhub.support.RunningHub;
import org.parkhub.support.WebhookReceiver;

/**
 * A webhook that points into the park's own network (here loopback, where an internal service listens) gets no
 * request from the hub unless the park allows it: each copy is a dead letter that says why.
 */
class InternalWebhookTargetTest {

    static final String SECRET = "internal-target-secret-0001";

    @TempDir
    Path dataDir;
    @TempDir
    Path configDir;

    @Test
    void copiesForAWebhookInsideTheParkAreDeadLettersAndNothingIsSent() throws Exception {
        try (WebhookReceiver internalService = new WebhookReceiver(SECRET)) {
            Path participants = DemoPark.withDeliveries(configDir, Map.of("MERCH-01", Map.of("channel", "webhook",
                    "format", "json", "url", internalService.url(), "secret", SECRET)));
            try (RunningHub hub = RunningHub.start(dataDir, Map.of("parkhub.participants-file", participants.toString()))) {
                assertThat(hub.post("/api/v1/messages/order", Demo.PLATFORM_KEY, "application/json", Demo.exampleOrder())
                        .statusCode()).isEqualTo(202);
                String letters = await().atMost(Duration.ofSeconds(30)).until(
                        () -> hub.get("/api/v1/admin/dead-letters?recipient=MERCH-01", Demo.ADMIN_KEY).body(),
                        body -> body.contains("ORD-20261126-0001") || body.contains("inside the park"));
                assertThat(letters).contains("inside the park's own network").contains("allow-internal-targets");
                assertThat(internalService.requests()).as("nothing reached the internal service").isEmpty();
            }
        }
    }
}
