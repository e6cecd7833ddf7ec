package org.parkhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parkhub.support.Demo;
import org.parkhub.support.RunningHub;
import org.parkhub.support.TestKeystore;

/** With a keystore configured, the hub's HTTP port speaks TLS only: the API and health over HTTPS, plain HTTP refused. */
class HttpsTest {

    @TempDir
    Path dataDir;

    @Test
    void theApiIsServedOverTlsWithTheConfiguredKeystore() throws Exception {
        Path keystore = TestKeystore.create(dataDir.resolve("http.p12"));
        HttpClient https = HttpClient.newBuilder().sslContext(TestKeystore.trusting(keystore)).build();

        try (RunningHub hub = RunningHub.startUnready(dataDir.resolve("hub"), Map.of("parkhub.http.tls", "true",
                "parkhub.http.keystore", keystore.toString(), "parkhub.http.keystore-password", TestKeystore.PASSWORD))) {
            String base = hub.url("").replace("http://", "https://");
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> https.send(
                    HttpRequest.newBuilder(URI.create(base + "/observe/health")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
            HttpResponse<String> accepted = https.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/messages/order"))
                    .header("Authorization", "Bearer " + Demo.PLATFORM_KEY).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Demo.exampleOrder())).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            // plain HTTP on the same port gets no answer: keys never travel in clear text
            assertThatThrownBy(() -> hub.get("/api/v1/messages", Demo.MERCHANT_KEY)).isInstanceOf(java.io.IOException.class);
        }
    }
}
