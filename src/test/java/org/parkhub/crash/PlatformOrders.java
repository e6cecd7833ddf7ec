package org.parkhub.crash;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.parkhub.fixtures.ParkFixtures;
import org.parkhub.model.CanonicalMapper;
import org.parkhub.model.Order;
import org.parkhub.support.ChildHub;

/**
 * The platform as a careful integrator runs it: each order POSTed with its own Idempotency-Key, and when the
 * hub does not answer (killed mid-request), the same request again with the same key once it is back.
 */
final class PlatformOrders implements Runnable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final ChildHub hub;
    private final List<Order> orders;
    private final String keyPrefix;
    /** Order number to the message id the hub answered with. */
    private final Map<String, String> accepted = new ConcurrentHashMap<>();
    private final AtomicInteger retries = new AtomicInteger();
    private volatile Throwable failure;

    PlatformOrders(ChildHub hub, long seed, int count, String keyPrefix) {
        this.hub = hub;
        ParkFixtures fixtures = new ParkFixtures(seed);
        this.orders = Stream.generate(() -> fixtures.transaction().order()).limit(count).toList();
        this.keyPrefix = keyPrefix;
    }

    @Override
    public void run() {
        try {
            for (int i = 0; i < orders.size(); i++) {
                send(orders.get(i), keyPrefix + i);
            }
        } catch (RuntimeException | IOException e) {
            failure = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void send(Order order, String key) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(hub.url("/api/v1/messages/order"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer phk_demoplat01_demo-key-plat-01")
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(CanonicalMapper.toJson(order))).build();
        while (true) {
            HttpResponse<String> answer;
            try {
                answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                retries.incrementAndGet();
                await().atMost(Duration.ofMinutes(2)).until(hub::ready);
                continue;
            }
            if (answer.statusCode() == 202) {
                JsonNode item = JSON.readTree(answer.body()).path("items").get(0);
                accepted.put(order.orderNo(), item.path("messageId").asText());
                return;
            }
            if (answer.statusCode() < 500) {
                throw new IllegalStateException("order " + order.orderNo() + " refused: " + answer.statusCode() + " "
                        + answer.body());
            }
            retries.incrementAndGet(); // 503 while the hub starts or stops: the same key again
            await().atMost(Duration.ofMinutes(2)).until(hub::ready);
        }
    }

    Map<String, String> accepted() {
        return accepted;
    }

    int count() {
        return orders.size();
    }

    int retries() {
        return retries.get();
    }

    Throwable failure() {
        return failure;
    }
}
