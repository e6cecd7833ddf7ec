package org.parkhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPConnectionClosedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parkhub.support.Demo;
import org.parkhub.support.FtpFirm;
import org.parkhub.support.RunningHub;

/**
 * Guessing secrets is locked out per client address: after a few wrong API keys, or wrong FTP passwords over
 * several connections, even the right secret is turned away until the lockout has passed.
 */
class GuessingTest {

    private static final int MAX_FAILURES = 4;

    @TempDir
    Path dataDir;
    RunningHub hub;

    @AfterEach
    void stop() throws InterruptedException {
        hub.close();
    }

    private void start() {
        hub = RunningHub.start(dataDir, Map.of("parkhub.guessing.max-failures", String.valueOf(MAX_FAILURES),
                "parkhub.guessing.lockout-seconds", "600"));
    }

    @Test
    void wrongApiKeysLockTheAddressOutEvenForTheRightKey() throws Exception {
        start();
        assertThat(hub.get("/api/v1/messages", Demo.MERCHANT_KEY).statusCode()).isEqualTo(200);
        for (int i = 0; i < MAX_FAILURES; i++) {
            HttpResponse<String> wrong = hub.get("/api/v1/messages", "guess-" + i);
            assertThat(wrong.statusCode()).as("guess %d", i).isEqualTo(401);
        }
        HttpResponse<String> locked = hub.get("/api/v1/messages", Demo.MERCHANT_KEY);
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.body()).contains("/problems/too-many-wrong-keys").contains("127.0.0.1");
        assertThat(Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow())).isBetween(500L, 600L);
        // while locked, the address is turned away whatever it sends
        assertThat(hub.post("/api/v1/messages/order", null, "application/json", Demo.exampleOrder()).statusCode())
                .isEqualTo(429);
    }

    @Test
    void wrongFtpPasswordsOverSeveralConnectionsLockTheAddressOut() throws Exception {
        start();
        for (int i = 0; i < MAX_FAILURES; i++) {
            FTPClient guesser = new FTPClient();
            guesser.connect("127.0.0.1", hub.ftpPort());
            assertThat(guesser.login("WH-QD-01", "guess-" + i)).isFalse();
            assertThat(guesser.getReplyCode()).isEqualTo(530);
            guesser.disconnect(); // a new connection for every guess: the server's own per-connection limit does not see them
        }
        // the clerk with the right password is turned away before it can give it
        assertThatThrownBy(() -> new FtpFirm(hub.ftpPort(), "WH-QD-01", "demo-ftp-wh-qd-01"))
                .isInstanceOf(FTPConnectionClosedException.class).hasMessageContaining("421");
    }
}
