package org.parkhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Enumeration;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import org.junit.jupiter.api.Tag;
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
@Tag("slow") // left out of the quick tier (mvn -Pquick verify); the full run has it
class DatabaseOutageTest {

    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    @Test
    void theHubRefusesWhatItCannotKeepAndRecovers() throws Exception {
        String schema = newSchema();
        try (TcpGate database = new TcpGate(5432);
             RunningHub hub = hubBehind(database, schema)) {
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

    /**
     * An event already on hub.events when the database goes away waits for it: the router takes none while the
     * database does not answer (before, the event spent its five delivery attempts on the outage and was parked
     * on DLQ.hub.events), and it is routed once the database is back.
     */
    @Test
    void anEventWaitsForTheDatabaseInsteadOfBeingParked() throws Exception {
        String schema = newSchema();
        try (TcpGate database = new TcpGate(5432);
             RunningHub hub = hubBehind(database, schema)) {
            hub.context().getRouteController().stopRoute("router");
            HttpResponse<String> posted = post(hub, "ORD-WAITING");
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
            String messageId = JSON.readTree(posted.body()).at("/items/0/messageId").asText();
            // published: on hub.events, waiting for the router
            await().atMost(Duration.ofSeconds(20)).until(() -> count("SELECT COUNT(*) FROM " + schema + ".outbox") == 0);

            database.cut();
            hub.context().getRouteController().startRoute("router");
            ConnectionFactory hubConnections = hub.context().getRegistry()
                    .lookupByNameAndType("connectionFactory", ConnectionFactory.class);
            // longer than five attempts take: each waits 5 s for a database connection, then the broker's back-off
            // of 1, 2, 4 and 8 s between them (before, the event was parked after about 41 s)
            await().during(Duration.ofSeconds(50)).atMost(Duration.ofSeconds(60))
                    .until(() -> parkedEvents(hubConnections) == 0);

            database.open();
            await().atMost(Duration.ofSeconds(60)).until(() -> JSON.readTree(hub.get("/api/v1/messages/" + messageId,
                    Demo.PLATFORM_KEY).body()).path("status").asText(), "ROUTED"::equals);
            assertThat(parkedEvents(hubConnections)).isZero();
        } finally {
            execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private static String newSchema() throws Exception {
        String schema = "parkhub_outage_" + UUID.randomUUID().toString().substring(0, 8);
        execute("CREATE SCHEMA " + schema);
        return schema;
    }

    /** A hub journaling into its own schema of this machine's PostgreSQL, reached through the gate. */
    private RunningHub hubBehind(TcpGate database, String schema) {
        return RunningHub.start(dataDir, Map.of(
                "parkhub.db.url", "jdbc:postgresql://127.0.0.1:" + database.port() + "/test?currentSchema=" + schema,
                "parkhub.db.user", "postgres"));
    }

    /** Events on DLQ.hub.events (none while the queue does not exist). */
    private static int parkedEvents(ConnectionFactory connections) throws Exception {
        try (jakarta.jms.Connection connection = connections.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            QueueBrowser browser = session.createBrowser(session.createQueue("DLQ::DLQ.hub.events"));
            int parked = 0;
            for (Enumeration<?> e = browser.getEnumeration(); e.hasMoreElements(); e.nextElement()) {
                parked++;
            }
            browser.close();
            return parked;
        } catch (InvalidDestinationException noQueueYet) {
            return 0;
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
