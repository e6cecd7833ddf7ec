package org.parkhub.support;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;


/**
 * The hub as its own JVM on the embedded default (H2 and Artemis under its data dir), on ports fixed for its
 * whole life so that firms find it again after each restart. {@link #kill()} is SIGKILL: no shutdown hook,
 * no flush, as when the machine loses power.
 */
public final class ChildHub {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path dataDir;
    private final int httpPort = RunningHub.freePort();
    private final int ftpPort = RunningHub.freePort();
    private final int brokerPort = RunningHub.freePort();
    private final String passivePorts = IntStream.range(0, 10).mapToObj(i -> String.valueOf(RunningHub.freePort()))
            .collect(Collectors.joining(","));
    private final List<String> extraOptions;
    private Process process;
    private int starts;

    public ChildHub(Path dataDir) {
        this(dataDir, List.of());
    }

    /** A hub with more JVM options after the defaults (a later -Xmx or -Dkey=value wins). */
    public ChildHub(Path dataDir, List<String> extraOptions) {
        this.dataDir = dataDir;
        this.extraOptions = List.copyOf(extraOptions);
    }

    /** Starts the hub and waits until it says it is ready; its output goes to hub-&lt;n&gt;.log beside its data. */
    public void start() throws IOException {
        starts++;
        Files.createDirectories(dataDir.toAbsolutePath().getParent());
        // the production logging (the test class path also holds the tests' quieter logback-test.xml)
        List<String> options = new ArrayList<>(List.of("-Xmx512m", "-Dlogback.configurationFile=src/main/resources/logback.xml",
                "-Dparkhub.data-dir=" + dataDir.toAbsolutePath(),
                "-Dparkhub.http.port=" + httpPort,
                "-Dparkhub.ftp.port=" + ftpPort,
                "-Dparkhub.ftp.host=127.0.0.1",
                "-Dparkhub.ftp.passive-address=127.0.0.1",
                "-Dparkhub.ftp.passive-ports=" + passivePorts,
                "-Dparkhub.broker.port=" + brokerPort));
        // e.g. -Dparkhub.crash.hub-options="-Dparkhub.db.url=jdbc:postgresql://..." to run the same scenario elsewhere
        String more = System.getProperty("parkhub.crash.hub-options", "").trim();
        if (!more.isEmpty()) {
            options.addAll(List.of(more.split("\\s+")));
        }
        options.addAll(extraOptions);
        List<String> command = ChildJvm.command(options, "org.parkhub.platform.ParkHub");
        process = new ProcessBuilder(command).directory(new File(System.getProperty("user.dir")))
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolveSibling("hub-" + starts + ".log").toFile())
                .start();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> ready() || !process.isAlive());
        if (!process.isAlive()) {
            throw new IllegalStateException("the hub exited with " + process.exitValue() + "; see hub-" + starts + ".log");
        }
    }

    /** SIGKILL, then wait for the process to be gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the hub did not die");
        }
    }

    public void killIfAlive() throws InterruptedException {
        if (process != null && process.isAlive()) {
            kill();
        }
    }

    /** SIGTERM: the hub shuts down gracefully. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the hub did not stop within 90 s");
        }
    }

    public boolean ready() {
        try {
            return HTTP.send(HttpRequest.newBuilder(url("/observe/health/ready")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + path);
    }

    public int ftpPort() {
        return ftpPort;
    }

    public int brokerPort() {
        return brokerPort;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The running hub's process (its pid, for its memory). */
    public Process process() {
        return process;
    }

    /** The log of the latest start. */
    public Path log() {
        return dataDir.resolveSibling("hub-" + starts + ".log");
    }
}
