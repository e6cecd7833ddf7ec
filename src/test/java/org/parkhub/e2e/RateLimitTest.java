package org.parkhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parkhub.support.Demo;
import org.parkhub.support.RunningHub;

/** A firm over its request rate gets 429 with Retry-After; other firms are not affected. */
class RateLimitTest {

    @TempDir
    Path dataDir;

    @Test
    void aFloodIsAnswered429WithRetryAfterAndOtherFirmsGoOn() throws Exception {
        try (RunningHub hub = RunningHub.start(dataDir, Map.of(
                "parkhub.http.rate-limit.burst", "3", "parkhub.http.rate-limit.per-second", "1"))) {
            HttpResponse<String> last = null;
            for (int i = 0; i < 5; i++) {
                last = hub.get("/api/v1/messages", Demo.PLATFORM_KEY);
            }
            assertThat(last.statusCode()).isEqualTo(429);
            assertThat(last.headers().firstValue("Retry-After")).hasValueSatisfying(
                    v -> assertThat(Integer.parseInt(v)).isBetween(1, 2));
            assertThat(last.body()).contains("too-many-requests");
            assertThat(hub.get("/api/v1/messages", Demo.MERCHANT_KEY).statusCode()).isEqualTo(200);
        }
    }
}
