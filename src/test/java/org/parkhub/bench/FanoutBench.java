package org.parkhub.bench;

import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.parkhub.fixtures.ParkFixtures;
import org.parkhub.model.CanonicalMapper;
import org.parkhub.support.ChildHub;
import org.parkhub.support.WebhookReceiver;

/**
 * One stream of orders from the platform, each one routed to every one of N warehouses that take their copies by
 * webhook (local receivers that check each signature). Deliveries/s from the first order sent until every receiver
 * has every order.
 */
final class FanoutBench {

    private static final int SENDERS = 4;
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    record Result(int messages, int recipients, long deliveries, long badSignatures, double seconds, double sendSeconds) {
        double deliveriesPerSecond() {
            return deliveries / seconds;
        }
    }

    private FanoutBench() {
    }

    static Result run(BenchSettings settings, Path work, List<String> hubOptions) throws Exception {
        Files.createDirectories(work);
        List<WebhookReceiver> receivers = new ArrayList<>();
        try {
            for (int i = 1; i <= settings.fanoutRecipients(); i++) {
                receivers.add(new WebhookReceiver(secret(i)));
            }
            List<String> options = new ArrayList<>(hubOptions);
            options.add("-Dparkhub.participants-file=" + participants(work, receivers).toAbsolutePath());
            options.add("-Dparkhub.routing-file=" + routing(work).toAbsolutePath());
            options.add("-Dparkhub.http.rate-limit.per-second=1000000");
            options.add("-Dparkhub.http.rate-limit.burst=1000000");
            options.add("-Dparkhub.delivery.allow-internal-targets=true"); // the receivers are on loopback
            ChildHub hub = new ChildHub(work.resolve("data"), options);
            hub.start();
            try {
                int messages = settings.fanoutMessages();
                long started = System.nanoTime();
                send(hub, messages, settings.seed());
                double sendSeconds = (System.nanoTime() - started) / 1e9;
                await().atMost(Duration.ofSeconds(Math.max(300, messages / 5))).pollInterval(Duration.ofMillis(100))
                        .until(() -> receivers.stream().allMatch(r -> r.accepted().size() >= messages)
                                || !hub.process().isAlive());
                double seconds = (System.nanoTime() - started) / 1e9;
                long deliveries = receivers.stream().mapToLong(r -> r.accepted().size()).sum();
                if (deliveries < (long) messages * receivers.size()) {
                    throw new IllegalStateException("the hub died; see " + hub.log());
                }
                long bad = receivers.stream().mapToLong(r -> r.requests().stream().filter(q -> !q.signatureValid()).count()).sum();
                return new Result(messages, receivers.size(), deliveries, bad, seconds, sendSeconds);
            } finally {
                hub.stop();
            }
        } finally {
            receivers.forEach(WebhookReceiver::close);
        }
    }

    private static String secret(int recipient) {
        return "bench-webhook-secret-" + recipient + "-0000";
    }

    /** The orders, by a few clients at once; each must be answered 202. */
    private static void send(ChildHub hub, int messages, long seed) throws Exception {
        ParkFixtures fixtures = new ParkFixtures(seed);
        AtomicInteger left = new AtomicInteger(messages);
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        try {
            List<Future<Void>> running = new ArrayList<>();
            for (int i = 0; i < SENDERS; i++) {
                running.add(senders.submit(() -> {
                    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                    while (left.getAndDecrement() > 0) {
                        String order;
                        synchronized (fixtures) {
                            order = CanonicalMapper.toJson(fixtures.transaction().order());
                        }
                        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(hub.url("/api/v1/messages/order"))
                                .header("Authorization", "Bearer phk_demoplat01_demo-key-plat-01")
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(order)).build(), HttpResponse.BodyHandlers.ofString());
                        if (answer.statusCode() != 202) {
                            throw new IllegalStateException("order answered " + answer.statusCode() + ": " + answer.body());
                        }
                    }
                    return null;
                }));
            }
            for (Future<Void> sender : running) {
                sender.get();
            }
        } finally {
            senders.shutdownNow();
        }
    }

    /** The demo platform and N warehouses with webhook delivery. */
    private static Path participants(Path work, List<WebhookReceiver> receivers) throws Exception {
        ObjectNode park = (ObjectNode) YAML.readTree(Path.of("config/participants.yaml").toFile());
        List<Object> kept = new ArrayList<>();
        park.path("participants").forEach(p -> {
            if (p.path("id").asText().equals("PLAT-01")) {
                kept.add(p);
            }
        });
        for (int i = 1; i <= receivers.size(); i++) {
            Map<String, Object> hook = new LinkedHashMap<>();
            hook.put("id", String.format("HOOK-%02d", i));
            hook.put("name", "Benchmark warehouse " + i);
            hook.put("roles", List.of("WAREHOUSE"));
            hook.put("codes", Map.of());
            hook.put("apiKey", "bench-key-hook-" + i);
            hook.put("ftpPassword", "bench-ftp-hook-" + i);
            hook.put("delivery", Map.of("channel", "webhook", "format", "json", "url", receivers.get(i - 1).url(),
                    "secret", secret(i)));
            kept.add(hook);
        }
        park.set("participants", YAML.valueToTree(kept));
        Path file = work.resolve("participants.yaml");
        YAML.writeValue(file.toFile(), park);
        return file;
    }

    /** The park's routing with orders going to every warehouse only. */
    private static Path routing(Path work) throws Exception {
        ObjectNode table = (ObjectNode) YAML.readTree(Path.of("config/routing.yaml").toFile());
        ((ObjectNode) table.path("routing")).set("order", YAML.valueToTree(List.of(Map.of("role", "WAREHOUSE"))));
        Path file = work.resolve("routing.yaml");
        YAML.writeValue(file.toFile(), table);
        return file;
    }
}
