package org.parkhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parkhub.support.Demo;
import org.parkhub.support.RunningHub;
import org.parkhub.support.TcpGate;

/**
 * PostgreSQL going away and coming back (cut at the network between hub and database): health says the
 * database is DOWN, new orders get 503 with Retry-After and nothing of them is kept, and afterwards the hub
 * takes orders again and what it had accepted before is routed.
 */
class DatabaseOutageTest {

    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    @Test
    void theHubRefusesWhatItCannotKeepAndRecovers() throws Exception {
        String schema = "parkhub_outage_" + UUID.randomUUID().toString().substring(0, 8);
        execute("CREATE SCHEMA " + schema);
        try (TcpGate database = new TcpGate(5432);
             RunningHub hub = RunningHub.start(dataDir, Map.of(
                     "parkhub.db.url", "jdbc:postgresql://127.0.0.1:" + database.port() + "/test?currentSchema=" + schema,
                     "parkhub.db.user", "postgres"))) {
            HttpResponse<String> before = post(hub, "ORD-BEFORE-OUTAGE");
            assertThat(before.statusCode()).isEqualTo(202);

            database.cut();
            await().atMost(Duration.ofSeconds(60)).until(() -> hub.get("/observe/health", null).statusCode() == 503);
            assertThat(hub.get("/observe/health", null).body()).contains("\"status\":\"DOWN\"");
            HttpResponse<String> during = post(hub, "ORD-DURING-OUTAGE");
            assertThat(during.statusCode()).as(during.body()).isEqualTo(503);
            assertThat(during.body()).contains("/problems/unavailable").contains("send it again");
            assertThat(during.headers().firstValue("Retry-After")).contains("10");

            database.open();
            await().atMost(Duration.ofSeconds(60)).until(() -> hub.get("/observe/health", null).statusCode() == 200);
            assertThat(post(hub, "ORD-AFTER-OUTAGE").statusCode()).isEqualTo(202);
            String beforeId = JSON.readTree(before.body()).at("/items/0/messageId").asText();
            await().atMost(Duration.ofSeconds(30)).until(() -> JSON.readTree(hub.get("/api/v1/messages/" + beforeId,
                    Demo.PLATFORM_KEY).body()).path("status").asText(), "ROUTED"::equals);
            assertThat(count("SELECT COUNT(*) FROM " + schema + ".message WHERE order_no = 'ORD-DURING-OUTAGE'"))
                    .as("nothing of the refused order was kept").isZero();
        } finally {
            execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private static HttpResponse<String> post(RunningHub hub, String orderNo) throws Exception {
        return hub.post("/api/v1/messages/order", Demo.PLATFORM_KEY, "application/json",
                Demo.exampleOrder().replace("ORD-20261126-0001", orderNo));
    }

    private static void execute(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(POSTGRES, "postgres", ""); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static long count(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(POSTGRES, "postgres", ""); Statement s = c.createStatement();
             var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
