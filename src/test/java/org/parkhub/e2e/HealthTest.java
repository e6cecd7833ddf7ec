package org.parkhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parkhub.support.Demo;
import org.parkhub.support.FtpFirm;
import org.parkhub.support.RunningHub;

/** /observe/health: database, broker, FTP server and data disk; readiness falls with them, liveness does not. */
class HealthTest {

    @TempDir
    Path dataDir;

    @Test
    void aHealthyHubReportsEveryPart() throws Exception {
        try (RunningHub hub = RunningHub.start(dataDir)) {
            HttpResponse<String> health = hub.get("/observe/health", null);
            assertThat(health.statusCode()).isEqualTo(200);
            for (String part : new String[] {"database", "broker", "ftp", "disk"}) {
                assertThat(health.body()).contains("\"name\":\"" + part + "\",\"status\":\"UP\"");
            }
            assertThat(hub.get("/observe/health/ready", null).statusCode()).isEqualTo(200);
            assertThat(hub.get("/observe/health/live", null).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aFullDataDiskMakesTheHubNotReadyButStillAlive() throws Exception {
        // a minimum no disk can meet: the data disk counts as full
        try (RunningHub hub = RunningHub.startUnready(dataDir, Map.of("parkhub.health.min-free-disk-mb", "1000000000000"))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> hub.get("/observe/health/ready", null).statusCode() == 503);
            assertThat(hub.get("/observe/health", null).body()).contains("\"name\":\"disk\",\"status\":\"DOWN\"")
                    .contains("below the minimum");
            assertThat(hub.get("/observe/health/live", null).statusCode()).isEqualTo(200);
            // new work is refused with an answer saying to come back, not taken and then lost
            HttpResponse<String> order = hub.post("/api/v1/messages/order", Demo.PLATFORM_KEY, "application/json",
                    Demo.exampleOrder());
            assertThat(order.statusCode()).isEqualTo(503);
            assertThat(order.body()).contains("/problems/disk-full").contains("send it again");
            assertThat(order.headers().firstValue("Retry-After")).isPresent();
            try (FtpFirm warehouse = new FtpFirm(hub.ftpPort(), "WH-QD-01", "demo-ftp-wh-qd-01")) {
                assertThat(warehouse.upload("/inbox/stock/while-full.csv", "x".getBytes())).isFalse();
                assertThat(warehouse.replyCode()).isEqualTo(452);
            }
            assertThat(hub.get("/api/v1/messages", Demo.PLATFORM_KEY).body()).as("nothing journaled")
                    .doesNotContain("ORD-20261126-0001");
        }
    }
}
