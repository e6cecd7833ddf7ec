package org.parkhub.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.main.MainHttpServer;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.parkhub.platform.ParkHub;

/**
 * A real hub in this JVM, started exactly as the jar starts it (Camel Main, config/, routes/), on free
 * ports and its own data dir. Stopping and starting it again on the same data dir is a restart.
 * <p>
 * A test class whose tests share one hub registers it as an extension:
 * {@code @RegisterExtension static final RunningHub hub = RunningHub.perClass(Map.of(...));} starts it on a data
 * directory of its own before the class's first test (and before its {@code @BeforeAll} methods) and stops it and
 * deletes the directory after the last.
 */
public final class RunningHub implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** The settings of a hub made per class, read when the class starts (they may need servers started first). */
    @FunctionalInterface
    public interface Settings {
        Map<String, String> get() throws Exception;
    }

    private final Map<String, String> settings = new HashMap<>();
    private final Settings perClass;
    private Path classDataDir;
    private Main main;
    private Thread thread;
    private volatile Throwable failure;
    private int httpPort;

    private RunningHub(Settings perClass) {
        this.perClass = perClass;
    }

    /** A hub on the embedded default under {@code dataDir}, with extra settings on top. */
    public static RunningHub start(Path dataDir, Map<String, String> extra) {
        RunningHub hub = new RunningHub(null);
        hub.startOn(dataDir, extra);
        return hub;
    }

    public static RunningHub start(Path dataDir) {
        return start(dataDir, Map.of());
    }

    /** A hub for a whole test class, with these settings on top of the embedded default. */
    public static RunningHub perClass(Map<String, String> extra) {
        return new RunningHub(() -> extra);
    }

    public static RunningHub perClass() {
        return perClass(Map.of());
    }

    /** A hub for a whole test class, with settings made when the class starts. */
    public static RunningHub perClass(Settings extra) {
        return new RunningHub(extra);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        classDataDir = Files.createTempDirectory("parkhub-" + context.getRequiredTestClass().getSimpleName() + "-");
        startOn(classDataDir, perClass.get());
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        close();
        try (Stream<Path> files = Files.walk(classDataDir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** Starts on free ports; a port picked free but taken by someone else before the hub bound it: again, on others. */
    private void startOn(Path dataDir, Map<String, String> extra) {
        for (int attempt = 1; ; attempt++) {
            configure(dataDir, extra);
            try {
                start();
                return;
            } catch (RuntimeException | Error e) {
                if (attempt == 3 || !portTaken(e)) {
                    throw e;
                }
                stopQuietly();
            }
        }
    }

    private static boolean portTaken(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (t instanceof java.net.BindException || message.contains("Failed to bind") || message.contains("Address already in use")) {
                return true;
            }
        }
        return false;
    }

    private void stopQuietly() {
        try {
            if (main != null) {
                main.completed();
            }
            if (thread != null) {
                thread.join(Duration.ofSeconds(30).toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A hub started without waiting for it to be ready (for tests of what makes it not ready). */
    public static RunningHub startUnready(Path dataDir, Map<String, String> extra) {
        RunningHub hub = new RunningHub(null);
        hub.configure(dataDir, extra);
        hub.launch();
        return hub;
    }

    private void configure(Path dataDir, Map<String, String> extra) {
        settings.clear();
        settings.put("parkhub.data-dir", dataDir.toString());
        settings.put("parkhub.http.port", String.valueOf(freePort()));
        settings.put("parkhub.broker.port", String.valueOf(freePort()));
        settings.put("parkhub.ftp.port", String.valueOf(freePort()));
        settings.put("parkhub.ftp.host", "127.0.0.1");
        settings.put("parkhub.ftp.passive-address", "127.0.0.1");
        settings.put("parkhub.ftp.passive-ports", IntStream.range(0, 10).mapToObj(i -> String.valueOf(freePort()))
                .collect(Collectors.joining(",")));
        settings.putAll(extra);
    }

    public void start() {
        launch();
        await().atMost(Duration.ofSeconds(60)).until(() -> get("/observe/health", null).statusCode() == 200);
    }

    private void launch() {
        failure = null;
        main = ParkHub.create(settings);
        thread = new Thread(() -> {
            try {
                main.run();
            } catch (Exception | Error e) {
                failure = e;
            }
        }, "parkhub-under-test");
        thread.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> failure != null || main.getCamelContext() != null
                && main.getCamelContext().isStarted());
        if (failure != null) {
            throw new IllegalStateException("the hub did not start: " + failure.getMessage(), failure);
        }
        httpPort = main.getCamelContext().hasService(MainHttpServer.class).getPort();
    }

    public void stop() throws InterruptedException {
        main.completed();
        thread.join(Duration.ofSeconds(60).toMillis());
    }

    @Override
    public void close() throws InterruptedException {
        if (thread != null && thread.isAlive()) {
            stop();
        }
    }

    public CamelContext context() {
        return main.getCamelContext();
    }

    public int ftpPort() {
        return Integer.parseInt(settings.get("parkhub.ftp.port"));
    }

    public Path dataDir() {
        return Path.of(settings.get("parkhub.data-dir"));
    }

    public int brokerPort() {
        return Integer.parseInt(settings.get("parkhub.broker.port"));
    }

    public String url(String path) {
        return "http://127.0.0.1:" + httpPort + path;
    }

    public HttpResponse<String> get(String path, String apiKey) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).GET();
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> delete(String path, String apiKey) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).DELETE();
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, String apiKey, String contentType, String body)
            throws IOException, InterruptedException {
        return post(path, apiKey, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    public HttpResponse<String> post(String path, String apiKey, String contentType, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
