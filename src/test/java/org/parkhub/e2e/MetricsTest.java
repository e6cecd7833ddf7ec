package org.parkhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parkhub.fixtures.ParkFixtures;
import org.parkhub.fixtures.RecordEdit;
import org.parkhub.model.CanonicalMapper;
import org.parkhub.model.Order;
import org.parkhub.support.Demo;
import org.parkhub.support.RunningHub;

/** /observe/metrics in the Prometheus text format: the hub's counters and gauges beside Camel's and the JVM's. */
class MetricsTest {

    /** {@code name{label="value",...} number}, the sample lines of the Prometheus text format. */
    static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)$");

    @TempDir
    Path dataDir;

    @Test
    void acceptedAndRejectedMessagesAndBacklogsAreScraped() throws Exception {
        try (RunningHub hub = RunningHub.start(dataDir)) {
            ParkFixtures fixtures = new ParkFixtures(951);
            Order good = fixtures.transaction().order();
            Order bad = RecordEdit.with(fixtures.transaction().order(), "actualPaid", "1.00");
            assertThat(hub.post("/api/v1/messages/order", Demo.PLATFORM_KEY, "application/json",
                    CanonicalMapper.toJson(good)).statusCode()).isEqualTo(202);
            assertThat(hub.post("/api/v1/messages/order", Demo.PLATFORM_KEY, "application/json",
                    CanonicalMapper.toJson(bad)).statusCode()).isEqualTo(422);

            Map<String, Double> metrics = await().atMost(Duration.ofSeconds(20)).until(() -> scrape(hub),
                    m -> m.getOrDefault("parkhub_backlog{recipient=\"BROKER-01\"}", 0.0) >= 1);
            assertThat(metrics.get("parkhub_messages_accepted_total{channel=\"rest\",sender=\"PLAT-01\",type=\"order\"}"))
                    .isEqualTo(1.0);
            assertThat(metrics.get("parkhub_messages_rejected_total{channel=\"rest\",sender=\"PLAT-01\",type=\"order\"}"))
                    .isEqualTo(1.0);
            assertThat(metrics.keySet()).anyMatch(k -> k.startsWith("jvm_memory_used_bytes"));
            assertThat(metrics.keySet()).anyMatch(k -> k.startsWith("camel_exchanges_total") && k.contains("routeId=\"router\""));
            assertThat(metrics.get("parkhub_intake_seconds_count{channel=\"rest\",sender=\"PLAT-01\",type=\"order\"}"))
                    .isGreaterThanOrEqualTo(1.0);
            assertThat(metrics.get("parkhub_copies_dispatched_total{recipient=\"BROKER-01\",type=\"order\"}"))
                    .isGreaterThanOrEqualTo(1.0);
            assertThat(metrics).containsKey("parkhub_alerts");
            // the embedded database's file, and the live share its compaction keeps up
            assertThat(metrics.get("parkhub_database_file_bytes")).isGreaterThan(0.0);
            assertThat(metrics.get("parkhub_database_live_ratio")).isBetween(0.01, 1.0);
        }
    }

    /** Every sample of the scrape, keyed by name and labels as written. */
    private static Map<String, Double> scrape(RunningHub hub) throws Exception {
        HttpResponse<String> response = hub.get("/observe/metrics", null);
        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Double> samples = new HashMap<>();
        for (String line : response.body().split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line.strip());
            assertThat(sample.matches()).as("a Prometheus sample line: %s", line).isTrue();
            String labels = sample.group(3) == null ? "" : "{" + sample.group(3) + "}";
            samples.put(sample.group(1) + labels, Double.parseDouble(sample.group(4)));
        }
        return samples;
    }
}
