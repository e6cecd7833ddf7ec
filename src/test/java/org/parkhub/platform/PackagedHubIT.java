package org.parkhub.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parkhub.support.RunningHub;

/**
 * The hub as an operator starts it: {@code java -jar target/parkhub.jar} (the shaded jar: a broken merge
 * of service files would show here), from the repository root, configured through environment variables
 * in Camel's style (PARKHUB_HTTP_PORT overrides parkhub.http.port) and -D.
 */
@Tag("slow") // left out of the quick tier (mvn -Pquick verify); the full run has it
class PackagedHubIT {

    @TempDir
    Path work;

    @Test
    void startsFromEnvironmentVariablesLogsEachServiceAndReady() throws Exception {
        int httpPort = RunningHub.freePort();
        int brokerPort = RunningHub.freePort();
        Path log = work.resolve("hub.log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dparkhub.data-dir=" + work.resolve("data"), "-Dparkhub.ftp.port=" + RunningHub.freePort(),
                "-Dparkhub.ftp.passive-ports=" + RunningHub.freePort() + "," + RunningHub.freePort(), "-jar", "target/parkhub.jar")
                .directory(new File(System.getProperty("user.dir")))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("PARKHUB_HTTP_PORT", String.valueOf(httpPort));
        builder.environment().put("PARKHUB_BROKER_PORT", String.valueOf(brokerPort));
        Process hub = builder.start();
        try {
            await().atMost(Duration.ofSeconds(90)).until(() -> Files.readString(log).contains("parkhub ready"));
            List<String> lines = Files.readAllLines(log);
            assertThat(lines).anyMatch(l -> l.contains("database: H2 " + work.resolve("data")));
            assertThat(lines).anyMatch(l -> l.contains("broker: embedded Artemis tcp://127.0.0.1:" + brokerPort));
            assertThat(lines).anyMatch(l -> l.contains("http: http://0.0.0.0:" + httpPort + "/"));
            assertThat(Files.readString(log)).doesNotContain("demo-key-", "demo-ftp-");

            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + httpPort + "/observe/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"name\":\"broker\",\"status\":\"UP\"", "\"name\":\"database\",\"status\":\"UP\"");
            assertThat(work.resolve("data/broker/journal")).isDirectory();
        } finally {
            hub.destroy();
            assertThat(hub.waitFor(60, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
        }
    }
}
