package org.parkhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.parkhub.support.ConsoleClient;
import org.parkhub.support.Demo;
import org.parkhub.support.RunningHub;

/**
 * Scale-out mode: the hub uses an external Artemis (a separate broker reached over TCP) and this
 * machine's PostgreSQL instead of its embedded services.
 */
@Tag("slow") // left out of the quick tier (mvn -Pquick verify); the full run has it
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExternalModeTest {

    static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String SCHEMA = "parkhub_external_" + UUID.randomUUID().toString().substring(0, 8);
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;
    @TempDir
    static Path brokerDir;
    static EmbeddedActiveMQ externalBroker;
    static int brokerPort;
    static RunningHub hub;

    @BeforeAll
    static void start() throws Exception {
        brokerPort = RunningHub.freePort();
        externalBroker = new EmbeddedActiveMQ().setConfiguration(new ConfigurationImpl()
                .setName("external")
                .setPersistenceEnabled(true)
                .setJournalDirectory(brokerDir.resolve("journal").toString())
                .setBindingsDirectory(brokerDir.resolve("bindings").toString())
                .setPagingDirectory(brokerDir.resolve("paging").toString())
                .setLargeMessagesDirectory(brokerDir.resolve("large").toString())
                .setSecurityEnabled(false)
                .addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + brokerPort));
        externalBroker.start();
        try (Connection c = DriverManager.getConnection(POSTGRES, "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + SCHEMA);
        }
        hub = RunningHub.start(dataDir, Map.of(
                "parkhub.broker.url", "tcp://127.0.0.1:" + brokerPort,
                "parkhub.db.url", POSTGRES + "?currentSchema=" + SCHEMA,
                "parkhub.db.user", "postgres"));
    }

    @AfterAll
    static void stop() throws Exception {
        hub.close();
        externalBroker.stop();
        try (Connection c = DriverManager.getConnection(POSTGRES, "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + SCHEMA + " CASCADE");
        }
    }

    @Test
    @Order(2)
    void healthReportsTheBrokerDownWhileItIsGoneAndWhatCameMeanwhileIsRoutedAfter() throws Exception {
        externalBroker.stop();
        await().atMost(Duration.ofSeconds(30)).until(() -> hub.get("/observe/health", null).statusCode() == 503);
        assertThat(hub.get("/observe/health", null).body()).contains("\"name\":\"broker\",\"status\":\"DOWN\"");
        // the journal still takes orders: the outbox keeps them until the broker is back
        HttpResponse<String> during = hub.post("/api/v1/messages/order", Demo.PLATFORM_KEY, "application/json",
                Demo.exampleOrder().replace("ORD-20261126-0001", "ORD-DURING-OUTAGE"));
        assertThat(during.statusCode()).isEqualTo(202);
        String duringId = JSON.readTree(during.body()).at("/items/0/messageId").asText();
        externalBroker.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> hub.get("/observe/health", null).statusCode() == 200);
        HttpResponse<String> posted = hub.post("/api/v1/messages/order", Demo.PLATFORM_KEY, "application/json",
                Demo.exampleOrder().replace("ORD-20261126-0001", "ORD-AFTER-OUTAGE"));
        String messageId = JSON.readTree(posted.body()).at("/items/0/messageId").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> JSON.readTree(
                hub.get("/api/v1/messages/" + messageId, Demo.PLATFORM_KEY).body()).path("status").asText(), "ROUTED"::equals);
        await().atMost(Duration.ofSeconds(30)).until(() -> JSON.readTree(
                hub.get("/api/v1/messages/" + duringId, Demo.PLATFORM_KEY).body()).path("status").asText(), "ROUTED"::equals);
    }

    @Test
    @Order(3)
    void aWebhookSecretGivenThroughTheConsoleIsSealedInPostgresUnderTheNodesKeyFile() throws Exception {
        String secret = "console-given-webhook-secret-42";
        String form = """
                {"id": "WH-HOOK", "name": "Hooked Warehouse", "roles": ["WAREHOUSE"], "codes": {},
                 "delivery": {"channel": "webhook", "format": "json", "url": "https://hook.example/in", "secret": "%s"}}"""
                .formatted(secret);
        ConsoleClient console = ConsoleClient.login(hub, Demo.ADMIN_USER, Demo.ADMIN_PASSWORD);
        HttpResponse<String> created = console.post("/api/v1/admin/participants", form);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(dataDir.resolve("secrets.key")).as("made at the first start").exists();
        try (Connection c = DriverManager.getConnection(POSTGRES + "?currentSchema=" + SCHEMA, "postgres", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT delivery FROM participant WHERE id = 'WH-HOOK'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).contains("\"secret\":\"sealed:v1:").doesNotContain(secret);
        }
    }

    @Test
    @Order(1)
    void anOrderTravelsThroughTheExternalBrokerAndIsJournaledInPostgres() throws Exception {
        HttpResponse<String> posted = hub.post("/api/v1/messages/order", Demo.PLATFORM_KEY, "application/json",
                Demo.exampleOrder());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
        String messageId = JSON.readTree(posted.body()).at("/items/0/messageId").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> JSON.readTree(
                hub.get("/api/v1/messages/" + messageId, Demo.PLATFORM_KEY).body()).path("status").asText(), "ROUTED"::equals);

        try (Connection c = DriverManager.getConnection(POSTGRES + "?currentSchema=" + SCHEMA, "postgres", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT r.routed_at FROM message m LEFT JOIN message_routed r"
                     + " ON r.message_id = m.id WHERE m.id = '" + messageId + "'")) {
            assertThat(rs.next()).as("journaled in PostgreSQL").isTrue();
            assertThat(rs.getObject(1)).as("its routing journaled in PostgreSQL").isNotNull();
        }
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + brokerPort);
             jakarta.jms.Connection connection = factory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue("hub.deliver." + Demo.MERCHANT));
            connection.start();
            Message copy = consumer.receive(20_000);
            assertThat(copy).as("copy on the external broker's hub.deliver.MERCH-01").isNotNull();
            assertThat(copy.getStringProperty("parkhubMessageId")).isEqualTo(messageId);
        }
        var checks = JSON.readTree(hub.get("/observe/health?data=true", null).body()).path("checks");
        assertThat(checks.findValuesAsText("address"))
                .contains("external Artemis tcp://127.0.0.1:" + brokerPort, POSTGRES + "?currentSchema=" + SCHEMA);
    }
}
