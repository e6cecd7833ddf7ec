package org.parkhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parkhub.fixtures.ParkFixtures;
import org.parkhub.model.CanonicalMapper;
import org.parkhub.support.Demo;
import org.parkhub.support.DemoPark;
import org.parkhub.support.RunningHub;
import org.parkhub.support.WebhookReceiver;

/**
 * An endpoint that keeps failing is left alone while its circuit is open: with retries 10-20 ms apart, the
 * hub would otherwise call it a hundred times in two seconds.
 */
class WebhookCircuitBreakerTest {

    static final String SECRET = "merchant-webhook-secret-0003";

    @TempDir
    Path dataDir;
    @TempDir
    Path configDir;

    @Test
    void aFailingEndpointIsCalledRarelyWhileItsCircuitIsOpenAndGetsTheCopyWhenBack() throws Exception {
        try (WebhookReceiver merchant = new WebhookReceiver(SECRET)) {
            Path participants = DemoPark.withDeliveries(configDir, Map.of("MERCH-01", Map.of("channel", "webhook",
                    "format", "json", "url", merchant.url(), "secret", SECRET)));
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("parkhub.participants-file", participants.toString());
            settings.put("parkhub.delivery.max-attempts", "1000");
            settings.put("parkhub.delivery.allow-internal-targets", "true"); // the receiver is on loopback
            settings.put("parkhub.delivery.retry-base-ms", "10");
            settings.put("parkhub.delivery.retry-max-ms", "20");
            settings.put("parkhub.delivery.breaker-open-ms", "1000");
            merchant.mode(WebhookReceiver.Mode.FAIL);
            try (RunningHub hub = RunningHub.start(dataDir, settings)) {
                String order = new ObjectMapper().readTree(hub.post("/api/v1/messages/order", Demo.PLATFORM_KEY,
                        "application/json", CanonicalMapper.toJson(new ParkFixtures(941).transaction().order())).body())
                        .at("/items/0/messageId").asText();
                await().atMost(Duration.ofSeconds(10)).until(() -> merchant.requests().size() >= 5);
                // five failures open the circuit; from then on one trial call a second
                await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(5))
                        .until(() -> merchant.requests().size() < 12);
                int calls = merchant.requests().size();
                System.out.printf("failing endpoint: %d calls in about 2.5 s with retries 10-20 ms apart%n", calls);

                merchant.mode(WebhookReceiver.Mode.ACCEPT);
                await().atMost(Duration.ofSeconds(10)).until(() -> merchant.accepted().stream()
                        .anyMatch(r -> r.messageId().equals(order)));
                // the order once; customs' receipt for it (the simulator's CEB312) comes on its own
                assertThat(merchant.accepted()).filteredOn(r -> r.type().equals("order")).hasSize(1);
            }
        }
    }
}
