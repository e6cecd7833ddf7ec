package org.parkhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parkhub.fixtures.ParkFixtures;
import org.parkhub.model.CanonicalMapper;
import org.parkhub.support.Demo;
import org.parkhub.support.ParticipantQueue;
import org.parkhub.support.RunningHub;

/** The first end-to-end path: REST JSON in, journaled, routed, a copy on each recipient's queue. */
class RestToQueueTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ORDERS = "/api/v1/messages/order";

    @RegisterExtension
    static final RunningHub hub = RunningHub.perClass(Map.of("parkhub.http.max-body-bytes", "65536"));

    @Test
    void anOrderIsJournaledRoutedAndQueuedForTheMerchant() throws Exception {
        try (ParticipantQueue merchantQueue = ParticipantQueue.own(hub.brokerPort(), Demo.MERCHANT, Demo.MERCHANT_KEY)) {
            HttpResponse<String> posted = hub.post(ORDERS, Demo.PLATFORM_KEY, "application/json", Demo.exampleOrder());
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
            String messageId = JSON.readTree(posted.body()).at("/items/0/messageId").asText();
            assertThat(messageId).isNotBlank();

            JsonNode journaled = await().atMost(Duration.ofSeconds(20)).until(
                    () -> JSON.readTree(hub.get("/api/v1/messages/" + messageId, Demo.PLATFORM_KEY).body()),
                    n -> "ROUTED".equals(n.path("status").asText()));
            assertThat(journaled.path("sender").asText()).isEqualTo("PLAT-01");
            assertThat(journaled.path("type").asText()).isEqualTo("order");
            assertThat(journaled.at("/keys/orderNo").asText()).isEqualTo("ORD-20261126-0001");
            assertThat(journaled.at("/payload/actualPaid").asText()).isEqualTo("226.93");
            assertThat(journaled.path("deliveries").findValuesAsText("recipient"))
                    .containsExactlyInAnyOrder("MERCH-01", "WH-QD-01", "BROKER-01", "CUSTOMS");

            TextMessage copy = merchantQueue.receiveCopyOf(messageId, 20_000);
            assertThat(copy).as("copy on hub.deliver.MERCH-01").isNotNull();
            assertThat(copy.getStringProperty("parkhubType")).isEqualTo("order");
            JsonNode envelope = JSON.readTree(copy.getText());
            assertThat(envelope.path("messageId").asText()).isEqualTo(messageId);
            assertThat(envelope.at("/payload/orderNo").asText()).isEqualTo("ORD-20261126-0001");
        }
    }

    @Test
    void theRecipientCanReadTheMessageAndAnOutsiderCannot() throws Exception {
        String messageId = acceptedId(hub.post(ORDERS, Demo.PLATFORM_KEY, "application/json", order("ORD-VIS-1")));
        await().atMost(Duration.ofSeconds(20)).until(
                () -> hub.get("/api/v1/messages/" + messageId, Demo.MERCHANT_KEY).statusCode() == 200);
        HttpResponse<String> outsider = hub.get("/api/v1/messages/" + messageId, Demo.LOGISTICS_KEY);
        assertThat(outsider.statusCode()).isEqualTo(404);
        assertThat(hub.get("/api/v1/messages/" + messageId, Demo.ADMIN_KEY).statusCode()).isEqualTo(200);
    }

    @Test
    void aWrongKeyIs401() throws Exception {
        HttpResponse<String> response = hub.post(ORDERS, "not-a-key", "application/json", Demo.exampleOrder());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(hub.post(ORDERS, null, "application/json", Demo.exampleOrder()).statusCode()).isEqualTo(401);
        assertThat(hub.get("/api/v1/messages/x", null).statusCode()).isEqualTo(401);
    }

    @Test
    void anOrderUnderAnotherFirmsCodesIs403() throws Exception {
        String foreign = Demo.exampleOrder().replace("3301960XYZ", "3301960OTH");
        HttpResponse<String> response = hub.post(ORDERS, Demo.MERCHANT_KEY, "application/json", foreign);
        assertThat(response.statusCode()).isEqualTo(403);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.at("/items/0/errors/0/field").asText()).isEqualTo("ebcCode");
        assertThat(problem.at("/items/0/errors/0/code").asText()).isEqualTo("NOT_YOUR_CODE");
    }

    @Test
    void aTypeTheRoleMayNotSendIs403() throws Exception {
        String payment = CanonicalMapper.toJson(new ParkFixtures(8).transaction().payment());
        HttpResponse<String> response = hub.post("/api/v1/messages/payment", Demo.PLATFORM_KEY, "application/json", payment);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(response.body()).path("type").asText()).endsWith("/not-permitted");
    }

    @Test
    void aBrokenOrderIs422NamingTheField() throws Exception {
        String broken = Demo.exampleOrder().replace("\"226.93\"", "\"226.94\"").replace("\"currency\": \"CNY\"", "\"currency\": \"CNX\"");
        HttpResponse<String> response = hub.post(ORDERS, Demo.PLATFORM_KEY, "application/json", broken);
        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(422);
        assertThat(problem.at("/items/0/errors").findValuesAsText("field")).containsExactly("currency");
        assertThat(problem.at("/items/0/errors/0/code").asText()).isEqualTo("CODE_LIST");
    }

    @Test
    void aMixedBatchIs207WithEachItemsOutcome() throws Exception {
        String batch = "[" + order("ORD-BATCH-1") + "," + order("ORD-BATCH-2").replace("\"226.93\"", "\"1.00\"")
                + ", 42]";
        HttpResponse<String> response = hub.post(ORDERS, Demo.PLATFORM_KEY, "application/json", batch);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(207);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("accepted").asInt()).isEqualTo(1);
        assertThat(body.path("rejected").asInt()).isEqualTo(2);
        assertThat(body.at("/items/0/messageId").asText()).isNotBlank();
        assertThat(body.at("/items/1/errors/0/code").asText()).isEqualTo("PAID_MISMATCH");
        assertThat(body.at("/items/2/errors/0/code").asText()).isEqualTo("TYPE");
    }

    @Test
    void unknownFieldsAndWrongTypesAreFieldErrors() throws Exception {
        String odd = Demo.exampleOrder().replace("\"orderNo\"", "\"surprise\": 1, \"orderNo\"");
        JsonNode body = JSON.readTree(hub.post(ORDERS, Demo.PLATFORM_KEY, "application/json", odd).body());
        assertThat(body.at("/items/0/errors/0/code").asText()).isEqualTo("UNKNOWN_FIELD");
        String typed = Demo.exampleOrder().replace("\"gnum\": 1", "\"gnum\": \"one\"");
        JsonNode typedBody = JSON.readTree(hub.post(ORDERS, Demo.PLATFORM_KEY, "application/json", typed).body());
        assertThat(typedBody.at("/items/0/errors/0/field").asText()).isEqualTo("lines[0].gnum");
    }

    @Test
    void canonicalXmlIsAccepted() throws Exception {
        String xml = CanonicalMapper.xml().writeValueAsString(
                CanonicalMapper.json().readValue(order("ORD-XML-1"), org.parkhub.model.Order.class));
        HttpResponse<String> response = hub.post(ORDERS, Demo.PLATFORM_KEY, "application/xml", xml);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    }

    @Test
    void xmlOfAnotherTypeOrWithADoctypeIs400() throws Exception {
        String payment = CanonicalMapper.xml().writeValueAsString(new ParkFixtures(9).transaction().payment());
        HttpResponse<String> wrongRoot = hub.post(ORDERS, Demo.PLATFORM_KEY, "application/xml", payment);
        assertThat(wrongRoot.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(wrongRoot.body()).path("detail").asText()).contains("<order>", "<payment>");
        String entity = "<?xml version=\"1.0\"?><!DOCTYPE order [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<order><orderNo>&x;</orderNo></order>";
        HttpResponse<String> doctype = hub.post(ORDERS, Demo.PLATFORM_KEY, "application/xml", entity);
        assertThat(doctype.statusCode()).isEqualTo(400);
        assertThat(doctype.body()).doesNotContain("root:");
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGetsTheSameAnswerAndIsJournaledOnce() throws Exception {
        String order = order("ORD-IDEM-1");
        HttpResponse<String> first = postWithKey("retry-1", order);
        HttpResponse<String> retry = postWithKey("retry-1", order);
        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(retry.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(retry.body())).isEqualTo(JSON.readTree(first.body()));
        // another key is another request, but the same order: a duplicate, answered with the first message's id
        HttpResponse<String> again = postWithKey("retry-2", order);
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(again.body()).at("/items/0/status").asText()).isEqualTo("duplicate");
        assertThat(JSON.readTree(again.body()).at("/items/0/messageId").asText())
                .isEqualTo(JSON.readTree(first.body()).at("/items/0/messageId").asText());
    }

    @Test
    void theSameIdempotencyKeyWithAnotherBodyIs409() throws Exception {
        assertThat(postWithKey("reused-1", order("ORD-IDEM-2")).statusCode()).isEqualTo(202);
        HttpResponse<String> conflict = postWithKey("reused-1", order("ORD-IDEM-3"));
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(conflict.body()).path("type").asText()).endsWith("/idempotency-key-reused");
    }

    @Test
    void aRejectedRequestIsReplayedAsRejected() throws Exception {
        String broken = order("ORD-IDEM-4").replace("\"226.93\"", "\"1.00\"");
        assertThat(postWithKey("rejected-1", broken).statusCode()).isEqualTo(422);
        assertThat(postWithKey("rejected-1", broken).statusCode()).isEqualTo(422);
        assertThat(postWithKey("bad key with spaces", broken).statusCode()).isEqualTo(400);
    }

    private static HttpResponse<String> postWithKey(String key, String body) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(hub.url(ORDERS)))
                .header("Authorization", "Bearer " + Demo.PLATFORM_KEY).header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aFirmListsItsOwnMessagesPageByPage() throws Exception {
        for (int i = 1; i <= 3; i++) {
            assertThat(hub.post(ORDERS, Demo.PLATFORM_KEY, "application/json", order("ORD-LIST-" + i)).statusCode())
                    .isEqualTo(202);
        }
        JsonNode first = JSON.readTree(hub.get("/api/v1/messages?type=order&limit=2", Demo.PLATFORM_KEY).body());
        assertThat(first.path("items")).hasSize(2);
        assertThat(first.at("/items/0/keys/orderNo").asText()).isEqualTo("ORD-LIST-3");
        assertThat(first.at("/items/1/keys/orderNo").asText()).isEqualTo("ORD-LIST-2");
        JsonNode second = JSON.readTree(hub.get("/api/v1/messages?type=order&limit=2&after="
                + first.path("next").asText(), Demo.PLATFORM_KEY).body());
        assertThat(second.at("/items/0/keys/orderNo").asText()).isEqualTo("ORD-LIST-1");
        // another firm sees none of them
        JsonNode carrier = JSON.readTree(hub.get("/api/v1/messages?type=order", Demo.LOGISTICS_KEY).body());
        assertThat(carrier.path("items")).isEmpty();
        assertThat(carrier.hasNonNull("next")).as("no further page").isFalse();
        assertThat(hub.get("/api/v1/messages?limit=0", Demo.PLATFORM_KEY).statusCode()).isEqualTo(400);
        assertThat(hub.get("/api/v1/messages?after=garbage", Demo.PLATFORM_KEY).statusCode()).isEqualTo(400);
    }

    @Test
    void xmlInJsonOutAndXmlInXmlOut() throws Exception {
        String xml = CanonicalMapper.xml().writeValueAsString(
                CanonicalMapper.json().readValue(order("ORD-XMLIO-1"), org.parkhub.model.Order.class));
        HttpResponse<String> jsonOut = send(ORDERS, "application/xml", "application/json", xml);
        assertThat(jsonOut.statusCode()).isEqualTo(202);
        String messageId = JSON.readTree(jsonOut.body()).at("/items/0/messageId").asText();

        HttpResponse<String> xmlOut = send(ORDERS, "application/xml", "application/xml",
                xml.replace("ORD-XMLIO-1", "ORD-XMLIO-2"));
        assertThat(xmlOut.statusCode()).isEqualTo(202);
        assertThat(xmlOut.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/xml"));
        assertThat(xmlOut.body()).contains("<result>", "<messageId>", "<accepted>1</accepted>");

        HttpResponse<String> problem = send(ORDERS, "application/xml", "application/xml",
                xml.replace("ORD-XMLIO-1", "ORD-XMLIO-3").replace("<actualPaid>226.93</actualPaid>", "<actualPaid>1</actualPaid>"));
        assertThat(problem.statusCode()).isEqualTo(422);
        assertThat(problem.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+xml"));
        assertThat(problem.body()).contains("urn:ietf:rfc:7807", "PAID_MISMATCH");

        HttpResponse<String> view = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(hub.url("/api/v1/messages/" + messageId)))
                .header("Authorization", "Bearer " + Demo.PLATFORM_KEY).header("Accept", "application/xml").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(view.body()).contains("<message>", "<orderNo>ORD-XMLIO-1</orderNo>", "<line>");
    }

    private static HttpResponse<String> send(String path, String contentType, String accept, String body) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(hub.url(path)))
                .header("Authorization", "Bearer " + Demo.PLATFORM_KEY).header("Content-Type", contentType)
                .header("Accept", accept).POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void otherContentTypesAre415() throws Exception {
        assertThat(hub.post(ORDERS, Demo.PLATFORM_KEY, "text/csv", "orderNo\nX").statusCode()).isEqualTo(415);
    }

    @Test
    void oversizedBodiesAre413() throws Exception {
        String huge = "[" + String.join(",", java.util.Collections.nCopies(120, Demo.exampleOrder())) + "]";
        assertThat(huge.length()).isGreaterThan(65536);
        HttpResponse<String> response = hub.post(ORDERS, Demo.PLATFORM_KEY, "application/json", huge);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(response.body()).path("detail").asText()).contains("65536");
    }

    @Test
    void malformedJsonIs400() throws Exception {
        HttpResponse<String> response = hub.post(ORDERS, Demo.PLATFORM_KEY, "application/json", "{\"orderNo\": ");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("detail").asText()).contains("not valid JSON");
    }

    @Test
    void unknownTypesAre404() throws Exception {
        assertThat(hub.post("/api/v1/messages/tax-bill", Demo.PLATFORM_KEY, "application/json", "{}").statusCode())
                .isEqualTo(404);
    }

    @Test
    void aFirmCannotReadAnotherFirmsQueue() {
        assertThatThrownBy(() -> {
            try (ParticipantQueue queue = new ParticipantQueue(hub.brokerPort(), Demo.LOGISTICS, Demo.LOGISTICS_KEY,
                    "hub.deliver." + Demo.MERCHANT)) {
                queue.receive(1000);
            }
        }).isInstanceOf(JMSSecurityException.class);
        assertThatThrownBy(() -> ParticipantQueue.own(hub.brokerPort(), Demo.MERCHANT, "wrong-key").close())
                .isInstanceOf(JMSSecurityException.class);
    }

    private static String order(String orderNo) {
        return Demo.exampleOrder().replace("ORD-20261126-0001", orderNo);
    }

    private static String acceptedId(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return JSON.readTree(response.body()).at("/items/0/messageId").asText();
    }
}
