package org.parkhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.parkhub.fixtures.ParkFixtures;
import org.parkhub.fixtures.RecordEdit;
import org.parkhub.fixtures.Transaction;
import org.parkhub.model.CanonicalMapper;
import org.parkhub.model.Order;
import org.parkhub.model.ShipmentEvent;
import org.parkhub.support.Demo;
import org.parkhub.support.DemoPark;
import org.parkhub.support.RunningHub;
import org.parkhub.support.WebhookReceiver;

/**
 * Copies pushed to webhooks: the merchant (MERCH-01) and the warehouse (WH-QD-01) of the demo park receive
 * orders on real HTTP endpoints that check every signature. Receivers that are down, broken or hanging.
 */
class WebhookDeliveryTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String MERCHANT_SECRET = "merchant-webhook-secret-0001";
    static final String WAREHOUSE_SECRET = "warehouse-webhook-secret-0002";
    /** How long one request may take before the hub gives up on it. */
    static final int TIMEOUT_MS = 2000;

    @TempDir
    static Path configDir;
    static WebhookReceiver merchant;
    static WebhookReceiver warehouse;
    @RegisterExtension
    static final RunningHub hub = RunningHub.perClass(WebhookDeliveryTest::webhookPark);

    /** Starts the receivers; the hub's settings: the merchant and the warehouse take their copies by webhook. */
    static Map<String, String> webhookPark() throws Exception {
        merchant = new WebhookReceiver(MERCHANT_SECRET);
        warehouse = new WebhookReceiver(WAREHOUSE_SECRET);
        Path participants = DemoPark.withDeliveries(configDir, Map.of(
                "MERCH-01", Map.of("channel", "webhook", "format", "json", "url", merchant.url(), "secret", MERCHANT_SECRET),
                "WH-QD-01", Map.of("channel", "webhook", "format", "xml", "url", warehouse.url(), "secret", WAREHOUSE_SECRET,
                        "maxAttempts", 3)));
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("parkhub.participants-file", participants.toString());
        settings.put("parkhub.delivery.allow-internal-targets", "true"); // the receivers are on loopback
        settings.put("parkhub.delivery.max-attempts", "1000");
        settings.put("parkhub.delivery.retry-base-ms", "50");
        settings.put("parkhub.delivery.retry-max-ms", "400");
        settings.put("parkhub.delivery.timeout-ms", String.valueOf(TIMEOUT_MS));
        settings.put("parkhub.delivery.breaker-open-ms", "300");
        return settings;
    }

    @AfterAll
    static void stopReceivers() {
        merchant.close();
        warehouse.close();
    }

    @BeforeEach
    void receiversUp() {
        merchant.mode(WebhookReceiver.Mode.ACCEPT);
        warehouse.mode(WebhookReceiver.Mode.ACCEPT);
    }

    @Test
    void aReceiverDownForAWhileGetsEveryMessageOnceInOrderPerOrder() throws Exception {
        merchant.mode(WebhookReceiver.Mode.FAIL);
        ParkFixtures fixtures = new ParkFixtures(901);
        List<String> posted = new ArrayList<>();
        Map<String, List<String>> expectedPerOrder = new LinkedHashMap<>();
        for (int i = 0; i < 10; i++) {
            Transaction t = fixtures.transaction();
            posted.add(post("order", Demo.PLATFORM_KEY, t.order()));
            List<String> sequence = new ArrayList<>(List.of("order"));
            for (ShipmentEvent event : t.events()) {
                posted.add(post("shipment-event", Demo.LOGISTICS_KEY, event));
                sequence.add(event.status().name());
            }
            expectedPerOrder.put(t.order().orderNo(), sequence);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> ofThese(merchant.requests(), posted).size() >= 5);
        assertThat(ofThese(merchant.accepted(), posted)).isEmpty();
        merchant.mode(WebhookReceiver.Mode.ACCEPT);

        await().atMost(Duration.ofSeconds(60)).until(() -> ofThese(merchant.accepted(), posted).size() >= posted.size());
        List<WebhookReceiver.Request> accepted = ofThese(merchant.accepted(), posted);
        assertThat(accepted).extracting(WebhookReceiver.Request::messageId).containsExactlyInAnyOrderElementsOf(posted);
        assertThat(ofThese(merchant.requests(), posted)).allSatisfy(r -> assertThat(r.signatureValid()).isTrue());
        Map<String, List<String>> receivedPerOrder = new LinkedHashMap<>();
        for (WebhookReceiver.Request request : accepted) {
            JsonNode envelope = JSON.readTree(request.body());
            assertThat(envelope.path("messageId").asText()).isEqualTo(request.messageId());
            JsonNode payload = envelope.path("payload");
            receivedPerOrder.computeIfAbsent(payload.path("orderNo").asText(), k -> new ArrayList<>())
                    .add(request.type().equals("order") ? "order" : payload.path("status").asText());
        }
        assertThat(receivedPerOrder).isEqualTo(expectedPerOrder);
        // the copy at the head of the queue while the receiver was down: its failed attempts are journaled
        String retried = ofThese(merchant.requests(), posted).get(0).messageId();
        JsonNode view = JSON.readTree(hub.get("/api/v1/messages/" + retried, Demo.ADMIN_KEY).body());
        JsonNode merchantCopy = delivery(view, "MERCH-01");
        assertThat(merchantCopy.path("status").asText()).isEqualTo("DELIVERED");
        assertThat(merchantCopy.path("attempts").asInt()).isGreaterThan(1);
        assertThat(merchantCopy.path("lastError").asText()).contains("HTTP 503");
    }

    @Test
    void aCorrectedOrderReachesTheReceiverAsItsNextRevision() throws Exception {
        Order order = new ParkFixtures(905).transaction().order();
        String first = post("order", Demo.PLATFORM_KEY, order);
        String second = post("order", Demo.PLATFORM_KEY, RecordEdit.with(order, "note", "corrected"));
        await().atMost(Duration.ofSeconds(30)).until(() -> ofThese(merchant.accepted(), List.of(first, second)).size() == 2);
        List<WebhookReceiver.Request> received = ofThese(merchant.accepted(), List.of(first, second));
        assertThat(received).extracting(WebhookReceiver.Request::messageId).containsExactly(first, second);
        assertThat(received.get(0).revision()).isEqualTo("1");
        assertThat(received.get(0).supersedes()).isNull();
        assertThat(received.get(1).revision()).isEqualTo("2");
        assertThat(received.get(1).supersedes()).isEqualTo(first);
        JsonNode envelope = JSON.readTree(received.get(1).body());
        assertThat(envelope.path("revision").asInt()).isEqualTo(2);
        assertThat(envelope.path("supersedes").asText()).isEqualTo(first);
    }

    @Test
    void aCopyThatKeepsFailingIsADeadLetterUntilAnAdministratorReplaysIt() throws Exception {
        warehouse.mode(WebhookReceiver.Mode.FAIL);
        ParkFixtures fixtures = new ParkFixtures(902);
        String replayed = post("order", Demo.PLATFORM_KEY, fixtures.transaction().order());
        String discarded = post("order", Demo.PLATFORM_KEY, fixtures.transaction().order());
        JsonNode dead = JSON.readTree(await().atMost(Duration.ofSeconds(30)).until(
                () -> hub.get("/api/v1/admin/dead-letters?recipient=WH-QD-01", Demo.ADMIN_KEY).body(),
                body -> body.contains(replayed) && body.contains(discarded)));
        JsonNode letter = find(dead.path("deadLetters"), replayed);
        assertThat(letter.path("attempts").asInt()).isEqualTo(3);
        assertThat(letter.path("reason").asText()).contains("gave up after 3 attempts").contains("HTTP 503");
        assertThat(letter.path("type").asText()).isEqualTo("order");
        // firms cannot see or touch dead letters
        assertThat(hub.get("/api/v1/admin/dead-letters", Demo.MERCHANT_KEY).statusCode()).isEqualTo(403);
        assertThat(hub.post("/api/v1/admin/dead-letters/replay", null, "application/json", "{}").statusCode()).isEqualTo(401);
        assertThat(hub.post("/api/v1/admin/dead-letters/replay", Demo.ADMIN_KEY, "application/json", "{}").statusCode())
                .isEqualTo(422);

        warehouse.mode(WebhookReceiver.Mode.ACCEPT);
        HttpResponse<String> replay = hub.post("/api/v1/admin/dead-letters/replay", Demo.ADMIN_KEY, "application/json",
                "{\"recipient\":\"WH-QD-01\",\"messageId\":\"" + replayed + "\"}");
        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
        assertThat(replay.body()).contains(replayed).doesNotContain(discarded);
        await().atMost(Duration.ofSeconds(30)).until(() -> warehouse.accepted().stream()
                .anyMatch(r -> r.messageId().equals(replayed)));
        WebhookReceiver.Request delivered = warehouse.accepted().stream().filter(r -> r.messageId().equals(replayed))
                .findFirst().orElseThrow();
        assertThat(delivered.contentType()).startsWith("application/xml");
        assertThat(delivered.body()).contains("<order><orderNo>");
        await().atMost(Duration.ofSeconds(10)).until(() -> delivery(JSON.readTree(
                hub.get("/api/v1/messages/" + replayed, Demo.ADMIN_KEY).body()), "WH-QD-01").path("status").asText(),
                "DELIVERED"::equals);
        // the copy's life as the journal tells it; the sender sees the states, not another firm's errors
        JsonNode asAdmin = JSON.readTree(hub.get("/api/v1/messages/" + replayed, Demo.ADMIN_KEY).body());
        List<String> life = new ArrayList<>();
        asAdmin.path("history").forEach(e -> {
            if (e.path("recipient").asText().equals("WH-QD-01")) {
                life.add(e.path("event").asText());
            }
        });
        assertThat(life).containsExactly("ATTEMPT_FAILED", "ATTEMPT_FAILED", "ATTEMPT_FAILED", "DEAD", "REPLAYED", "DELIVERED");
        JsonNode asSender = JSON.readTree(hub.get("/api/v1/messages/" + replayed, Demo.PLATFORM_KEY).body());
        assertThat(delivery(asSender, "WH-QD-01").has("lastError")).isFalse();
        assertThat(asSender.path("history")).isEmpty();

        HttpResponse<String> discard = hub.post("/api/v1/admin/dead-letters/discard", Demo.ADMIN_KEY, "application/json",
                "{\"messageId\":\"" + discarded + "\"}");
        assertThat(discard.body()).contains(discarded);
        assertThat(hub.get("/api/v1/admin/dead-letters?recipient=WH-QD-01", Demo.ADMIN_KEY).body())
                .doesNotContain(discarded).doesNotContain(replayed);
        assertThat(delivery(JSON.readTree(hub.get("/api/v1/messages/" + discarded, Demo.ADMIN_KEY).body()), "WH-QD-01")
                .path("status").asText()).isEqualTo("DISCARDED");
    }

    @Test
    void aRecipientThatNeverAnswersDoesNotDelayAHealthyOne() throws Exception {
        warehouse.mode(WebhookReceiver.Mode.HANG);
        ParkFixtures fixtures = new ParkFixtures(903);
        Map<String, Long> postedAt = new LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            long before = System.nanoTime();
            postedAt.put(post("order", Demo.PLATFORM_KEY, fixtures.transaction().order()), before);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> merchant.accepted().stream()
                .filter(r -> postedAt.containsKey(r.messageId())).count() == postedAt.size());
        long slowest = merchant.accepted().stream().filter(r -> postedAt.containsKey(r.messageId()))
                .mapToLong(r -> TimeUnit.NANOSECONDS.toMillis(r.arrivedNanos() - postedAt.get(r.messageId())))
                .max().orElseThrow();
        // the warehouse really is stuck on these copies meanwhile
        assertThat(warehouse.requests().stream().filter(r -> postedAt.containsKey(r.messageId()))).isNotEmpty();
        assertThat(warehouse.accepted().stream().filter(r -> postedAt.containsKey(r.messageId()))).isEmpty();
        System.out.printf("healthy recipient: slowest of %d copies arrived %d ms after its post, while the other"
                + " recipient hung (request timeout %d ms)%n", postedAt.size(), slowest, TIMEOUT_MS);
        assertThat(slowest).isLessThan(TIMEOUT_MS);
        // the stuck recipient's backlog shows
        JsonNode backlog = JSON.readTree(hub.get("/api/v1/admin/backlog", Demo.ADMIN_KEY).body()).path("backlog");
        assertThat(backlog.path("WH-QD-01").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(backlog.has("MERCH-01")).isTrue();
        // nobody reads the broker's queue in this test: every order's copy waits there
        assertThat(backlog.path("BROKER-01").asLong()).as("reads its own queue").isGreaterThanOrEqualTo(postedAt.size());
    }

    @Test
    void aCopyWaitingForItsReceiverSurvivesAHubRestart() throws Exception {
        merchant.mode(WebhookReceiver.Mode.FAIL);
        String waiting = post("order", Demo.PLATFORM_KEY, new ParkFixtures(905).transaction().order());
        await().atMost(Duration.ofSeconds(20)).until(() -> ofThese(merchant.requests(), List.of(waiting)).size() >= 2);
        hub.stop();
        merchant.mode(WebhookReceiver.Mode.ACCEPT);
        hub.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> !ofThese(merchant.accepted(), List.of(waiting)).isEmpty());
        assertThat(ofThese(merchant.accepted(), List.of(waiting))).hasSize(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> delivery(JSON.readTree(
                hub.get("/api/v1/messages/" + waiting, Demo.ADMIN_KEY).body()), "MERCH-01").path("status").asText(),
                "DELIVERED"::equals);
    }

    @Test
    void aSubscriptionGrantedThroughTheAdminApiAddsACopy() throws Exception {
        Transaction t = new ParkFixtures(904).transaction();
        String subscription = "{\"participant\":\"MERCH-01\",\"type\":\"payment\",\"filter\":[{\"field\":\"orderNo\","
                + "\"equals\":\"" + t.payment().orderNo() + "\"},{\"field\":\"payer.idType\",\"in\":[\"1\"]}]}";
        assertThat(hub.post("/api/v1/admin/subscriptions", Demo.MERCHANT_KEY, "application/json", subscription).statusCode())
                .isEqualTo(403);
        HttpResponse<String> invalid = hub.post("/api/v1/admin/subscriptions", Demo.ADMIN_KEY, "application/json",
                "{\"participant\":\"MERCH-01\",\"type\":\"payment\",\"filter\":[{\"field\":\"lines\",\"equals\":\"x\"}]}");
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.body()).contains("lines is not a single-valued field");
        HttpResponse<String> created = hub.post("/api/v1/admin/subscriptions", Demo.ADMIN_KEY, "application/json", subscription);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = JSON.readTree(created.body()).path("id").asText();
        assertThat(hub.get("/api/v1/admin/subscriptions", Demo.ADMIN_KEY).body()).contains(id);

        String payment = post("payment", "phk_demopay01_demo-key-pay-01", t.payment());
        await().atMost(Duration.ofSeconds(20)).until(() -> merchant.accepted().stream().anyMatch(r -> r.messageId().equals(payment)));
        JsonNode copy = delivery(JSON.readTree(hub.get("/api/v1/messages/" + payment, Demo.ADMIN_KEY).body()), "MERCH-01");
        assertThat(copy.path("rule").asText()).isEqualTo("subscription " + id);

        assertThat(hub.delete("/api/v1/admin/subscriptions/" + id, Demo.ADMIN_KEY).statusCode()).isEqualTo(204);
        assertThat(hub.delete("/api/v1/admin/subscriptions/" + id, Demo.ADMIN_KEY).statusCode()).isEqualTo(404);
        assertThat(hub.get("/api/v1/admin/subscriptions", Demo.ADMIN_KEY).body()).doesNotContain(id);
    }

    /** The requests about the given messages (the receivers serve every test of the class). */
    private static List<WebhookReceiver.Request> ofThese(List<WebhookReceiver.Request> requests, Collection<String> ids) {
        return requests.stream().filter(r -> ids.contains(r.messageId())).toList();
    }

    private static String post(String type, String key, Record payload) throws Exception {
        HttpResponse<String> response = hub.post("/api/v1/messages/" + type, key, "application/json",
                CanonicalMapper.toJson(payload));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return JSON.readTree(response.body()).at("/items/0/messageId").asText();
    }

    private static JsonNode delivery(JsonNode view, String recipient) {
        for (JsonNode delivery : view.path("deliveries")) {
            if (delivery.path("recipient").asText().equals(recipient)) {
                return delivery;
            }
        }
        throw new AssertionError("no delivery to " + recipient + " in " + view);
    }

    private static JsonNode find(JsonNode letters, String messageId) {
        for (JsonNode letter : letters) {
            if (letter.path("messageId").asText().equals(messageId)) {
                return letter;
            }
        }
        throw new AssertionError("no dead letter " + messageId + " in " + letters);
    }
}
