package org.parkhub.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A firm's webhook endpoint on loopback (JDK HttpServer) that checks every request's signature the way
 * the README tells receivers to, and answers as the test says: take it, fail with 503, or never answer.
 */
public final class WebhookReceiver implements AutoCloseable {

    public enum Mode { ACCEPT, FAIL, HANG }

    /** One request as it arrived. */
    public record Request(String messageId, String type, String contentType, String body, boolean signatureValid,
                          int answered, long arrivedNanos, String revision, String supersedes) {
    }

    private final String secret;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Request> requests = new ArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile Mode mode = Mode.ACCEPT;

    public WebhookReceiver(String secret) throws IOException {
        this.secret = secret;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/hook", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    public void mode(Mode mode) {
        this.mode = mode;
    }

    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The requests it took (answered 2xx), in arrival order. */
    public synchronized List<Request> accepted() {
        return requests.stream().filter(r -> r.answered() / 100 == 2).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        boolean valid = signatureValid(exchange.getRequestHeaders().getFirst("X-Parkhub-Timestamp"),
                exchange.getRequestHeaders().getFirst("X-Parkhub-Signature"), body);
        Mode now = mode;
        if (now == Mode.HANG) {
            record(exchange, body, valid, 0, arrived);
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        int status = !valid ? 401 : now == Mode.ACCEPT ? 204 : 503;
        record(exchange, body, valid, status, arrived);
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private synchronized void record(HttpExchange exchange, byte[] body, boolean valid, int status, long arrived) {
        requests.add(new Request(exchange.getRequestHeaders().getFirst("X-Parkhub-Message-Id"),
                exchange.getRequestHeaders().getFirst("X-Parkhub-Message-Type"),
                exchange.getRequestHeaders().getFirst("Content-Type"), new String(body, StandardCharsets.UTF_8), valid,
                status, arrived, exchange.getRequestHeaders().getFirst("X-Parkhub-Revision"),
                exchange.getRequestHeaders().getFirst("X-Parkhub-Supersedes")));
    }

    /** As a receiver does it: HMAC-SHA256 over "timestamp.body" with the shared secret, compared in constant time. */
    private boolean signatureValid(String timestamp, String signature, byte[] body) {
        if (timestamp == null || signature == null || !signature.startsWith("sha256=")) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            byte[] expected = mac.doFinal(body);
            return MessageDigest.isEqual(expected, HexFormat.of().parseHex(signature.substring("sha256=".length())));
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
