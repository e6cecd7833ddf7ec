package org.parkhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parkhub.support.Demo;
import org.parkhub.support.ParticipantQueue;
import org.parkhub.support.RunningHub;

/** An administrator rotates a firm's API key; the old key works during its grace period and not after. */
class ApiKeyRotationTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    @Test
    void theNewKeyWorksAtOnceAndTheOldOneUntilItsGraceEnds() throws Exception {
        try (RunningHub hub = RunningHub.start(dataDir)) {
            HttpResponse<String> rotated = hub.post("/api/v1/admin/participants/PLAT-01/api-key?graceSeconds=3600",
                    Demo.ADMIN_KEY, "application/json", "");
            assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
            JsonNode answer = JSON.readTree(rotated.body());
            String newKey = answer.path("apiKey").asText();
            assertThat(newKey).matches("phk_[a-z2-7]{12}_[A-Za-z0-9_-]{43}");

            assertThat(hub.get("/api/v1/messages", newKey).statusCode()).isEqualTo(200);
            assertThat(hub.get("/api/v1/messages", Demo.PLATFORM_KEY).statusCode()).as("old key in its grace").isEqualTo(200);
            ParticipantQueue.own(hub.brokerPort(), "PLAT-01", newKey).close();

            // a second rotation without grace: the first new key stops at once
            String newest = JSON.readTree(hub.post("/api/v1/admin/participants/PLAT-01/api-key?graceSeconds=0",
                    Demo.ADMIN_KEY, "application/json", "").body()).path("apiKey").asText();
            assertThat(hub.get("/api/v1/messages", newKey).statusCode()).isEqualTo(401);
            assertThat(hub.get("/api/v1/messages", newest).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void onlyAdministratorsRotateKeys() throws Exception {
        try (RunningHub hub = RunningHub.start(dataDir)) {
            assertThat(hub.post("/api/v1/admin/participants/PLAT-01/api-key", Demo.MERCHANT_KEY, "application/json", "")
                    .statusCode()).isEqualTo(403);
            assertThat(hub.post("/api/v1/admin/participants/PLAT-01/api-key", null, "application/json", "")
                    .statusCode()).isEqualTo(401);
            assertThat(hub.post("/api/v1/admin/participants/NOBODY/api-key", Demo.ADMIN_KEY, "application/json", "")
                    .statusCode()).isEqualTo(404);
            assertThat(hub.get("/api/v1/messages", Demo.PLATFORM_KEY).statusCode()).as("nothing rotated").isEqualTo(200);
        }
    }
}
