package org.parkhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.jms.Connection;
import jakarta.jms.JMSSecurityException;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPConnectionClosedException;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parkhub.support.ConsoleClient;
import org.parkhub.support.Demo;
import org.parkhub.support.FtpFirm;
import org.parkhub.support.RunningHub;

/**
 * Guessing secrets is locked out per account and client address on every channel, with parallel guesses (each
 * case failed before: in-flight failures reset a lock, a flood of other addresses flushed it, the broker counted
 * nothing, one wrong console password count locked a user for everyone), and firms behind the same address go on.
 */
@Tag("slow") // left out of the quick tier (mvn -Pquick verify); the full run has it
class GuessingTest {

    private static final int MAX_FAILURES = 4;

    @TempDir
    Path dataDir;
    RunningHub hub;

    @AfterEach
    void stop() throws InterruptedException {
        hub.close();
    }

    private void start(Map<String, String> extra) {
        Map<String, String> settings = new java.util.HashMap<>(Map.of("parkhub.guessing.max-failures",
                String.valueOf(MAX_FAILURES), "parkhub.guessing.lockout-seconds", "600"));
        settings.putAll(extra);
        hub = RunningHub.start(dataDir, settings);
    }

    @Test
    void parallelWrongSecretsForAKeyLockThatKeyAtTheAddressButNotTheOtherFirmsBehindIt() throws Exception {
        start(Map.of());
        assertThat(hub.get("/api/v1/messages", Demo.PLATFORM_KEY).statusCode()).isEqualTo(200);
        List<Integer> answers = inParallel(22, i -> hub.get("/api/v1/messages", "phk_demoplat01_guess-number-" + i)
                .statusCode());
        assertThat(answers).isSubsetOf(401, 429).contains(401);

        HttpResponse<String> locked = hub.get("/api/v1/messages", Demo.PLATFORM_KEY);
        assertThat(locked.statusCode()).as("the right key, after the guesses").isEqualTo(429);
        assertThat(locked.body()).contains("/problems/too-many-wrong-keys").contains("127.0.0.1");
        assertThat(Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow())).isBetween(500L, 600L);
        assertThat(hub.post("/api/v1/messages/order", Demo.PLATFORM_KEY, "application/json", Demo.exampleOrder())
                .statusCode()).isEqualTo(429);
        assertThat(hub.get("/api/v1/messages", Demo.MERCHANT_KEY).statusCode()).as("another firm behind the address")
                .isEqualTo(200);
    }

    @Test
    void randomKeysSlowTheAddressButAValidKeyFromItStillGetsThrough() throws Exception {
        start(Map.of("parkhub.guessing.address-max-failures", "10"));
        List<Integer> answers = inParallel(22, i -> hub.get("/api/v1/messages", "random-guess-" + i).statusCode());
        assertThat(answers).isSubsetOf(401, 429);
        HttpResponse<String> slowed = hub.get("/api/v1/messages", "phk_nosuchkey_random-guess-x");
        assertThat(slowed.statusCode()).isEqualTo(429);
        assertThat(slowed.headers().firstValue("Retry-After")).isPresent();
        assertThat(hub.get("/api/v1/messages", Demo.MERCHANT_KEY).statusCode()).isEqualTo(200);
    }

    @Test
    void guessesFromThousandsOfOtherAddressesDoNotFlushALock() throws Exception {
        start(Map.of("parkhub.guessing.max-tracked", "200"));
        for (int i = 0; i < MAX_FAILURES; i++) {
            assertThat(hub.get("/api/v1/messages", "phk_demoplat01_guess-number-" + i).statusCode()).isEqualTo(401);
        }
        assertThat(hub.get("/api/v1/messages", Demo.PLATFORM_KEY).statusCode()).isEqualTo(429);
        // one wrong key from each of 600 other addresses: three times what the hub may track
        List<Integer> others = inParallel(600, i -> statusFrom("127.1." + (i / 200) + "." + (1 + i % 200),
                "phk_demoplat01_guess-from-elsewhere"));
        assertThat(others).containsOnly(401);
        assertThat(hub.get("/api/v1/messages", Demo.PLATFORM_KEY).statusCode()).as("still locked").isEqualTo(429);
        assertThat(statusFrom("127.1.9.9", Demo.PLATFORM_KEY)).as("the same firm from elsewhere").isEqualTo(200);
    }

    @Test
    void parallelWrongFtpPasswordsLockTheAccountAtTheAddress() throws Exception {
        start(Map.of());
        List<Integer> replies = inParallel(30, i -> {
            FTPClient guesser = new FTPClient();
            try {
                guesser.connect("127.0.0.1", hub.ftpPort());
                guesser.login("WH-QD-01", "guess-" + i);
                return guesser.getReplyCode();
            } catch (FTPConnectionClosedException refused) {
                return 421;
            } finally {
                if (guesser.isConnected()) {
                    guesser.disconnect();
                }
            }
        });
        assertThat(replies).isSubsetOf(530, 421).contains(530);
        // the clerk with the right password is turned away before it can give it
        assertThatThrownBy(() -> new FtpFirm(hub.ftpPort(), "WH-QD-01", "demo-ftp-wh-qd-01"))
                .isInstanceOf(FTPConnectionClosedException.class).hasMessageContaining("421");
        try (FtpFirm other = new FtpFirm(hub.ftpPort(), "LOG-01", "demo-ftp-log-01")) {
            assertThat(other.client().listNames("/inbox")).as("another firm from the same address").isNotEmpty();
        }
    }

    @Test
    void parallelWrongConsolePasswordsLockTheUserAtThatAddressOnly() throws Exception {
        start(Map.of());
        List<Integer> answers = inParallel(12, i -> ConsoleClient.anonymous(hub).tryLogin(Demo.ADMIN_USER, "guess-" + i)
                .statusCode());
        assertThat(answers).isSubsetOf(401, 429).contains(401);
        HttpResponse<String> locked = ConsoleClient.anonymous(hub).tryLogin(Demo.ADMIN_USER, Demo.ADMIN_PASSWORD);
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).isPresent();
        String fromElsewhere = rawRequest("127.2.0.1", "POST /api/v1/admin/login HTTP/1.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: %d\r\n", "{\"user\":\"admin\",\"password\":\"" + Demo.ADMIN_PASSWORD + "\"}");
        assertThat(fromElsewhere).as("the same admin from another address").startsWith("HTTP/1.1 200");
    }

    @Test
    void wrongBrokerLoginsLockTheAccountAtTheAddress() throws Exception {
        start(Map.of());
        List<Integer> refused = inParallel(30, i -> {
            try (Connection ignored = amqp("PLAT-01", "phk_demoplat01_guess-number-" + i)) {
                return 0;
            } catch (JMSSecurityException wrong) {
                return 1;
            }
        });
        assertThat(refused).containsOnly(1);
        assertThatThrownBy(() -> amqp("PLAT-01", Demo.PLATFORM_KEY).close()).as("the right key, after the guesses")
                .isInstanceOf(JMSSecurityException.class);
        amqp("MERCH-01", Demo.MERCHANT_KEY).close();
    }

    private Connection amqp(String user, String key) throws Exception {
        Connection connection = new JmsConnectionFactory(user, key, "amqp://127.0.0.1:" + hub.brokerPort()).createConnection();
        try {
            connection.start();
            return connection;
        } catch (Exception e) {
            connection.close();
            throw e;
        }
    }

    /** The status of GET /api/v1/messages sent from a local address of the loopback network. */
    private int statusFrom(String localAddress, String apiKey) throws IOException {
        String answer = rawRequest(localAddress, "GET /api/v1/messages HTTP/1.1\r\nAuthorization: Bearer " + apiKey
                + "\r\n", null);
        return Integer.parseInt(answer.substring(9, 12));
    }

    /** One HTTP/1.1 request over a socket bound to {@code localAddress}; the answer's head. */
    private String rawRequest(String localAddress, String head, String body) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", Integer.parseInt(hub.url("").replaceAll(".*:", ""))));
            socket.setSoTimeout(30_000);
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            String request = (body == null ? head : String.format(head, content.length))
                    + "Host: 127.0.0.1\r\nConnection: close\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.write(content);
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @FunctionalInterface
    private interface Attempt {
        int run(int index) throws Exception;
    }

    /** Runs the attempts at once, from as many threads, and gives their results. */
    private static List<Integer> inParallel(int count, Attempt attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(count, 64));
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                Callable<Integer> task = () -> {
                    go.await();
                    return attempt.run(index);
                };
                results.add(pool.submit(task));
            }
            go.countDown();
            List<Integer> answers = new ArrayList<>();
            for (Future<Integer> result : results) {
                answers.add(result.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
