package org.parkhub.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parkhub.support.ChildJvm;
import org.parkhub.support.RunningHub;

/**
 * A hub that cannot start exits with status 1 and says why, instead of a JVM that holds the broker's port and serves
 * nothing (issue 22 row 11), or one that runs without its HTTP API because its port was taken.
 */
class StartFailureTest {

    @TempDir
    Path work;

    @Test
    void aHubWhoseHttpPortIsTakenExitsAndSaysWhich() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("0.0.0.0"))) {
            String log = runUntilExit(List.of("-Dparkhub.http.port=" + taken.getLocalPort()));
            assertThat(log).contains("parkhub could not start").contains("the HTTP port 0.0.0.0:" + taken.getLocalPort()
                    + " is taken by another program").contains("parkhub.http.port");
        }
    }

    @Test
    void aHubThatFailsAfterItsBrokerStartedExitsAndSaysWhy() throws Exception {
        // the routing table is read after the broker and its threads are up: before, the JVM stayed, holding the port
        String log = runUntilExit(List.of("-Dparkhub.http.port=" + RunningHub.freePort(),
                "-Dparkhub.routing-file=" + work.resolve("no-such-routing.yaml")));
        assertThat(log).contains("parkhub could not start").contains("no-such-routing.yaml");
    }

    @Test
    void aHubGivenAValueItCannotReadExitsAndNamesTheSetting() throws Exception {
        String log = runUntilExit(List.of("-Dparkhub.http.port=" + RunningHub.freePort(),
                "-Dparkhub.delivery.max-attempts=eight"));
        assertThat(log).contains("parkhub could not start")
                .contains("parkhub.delivery.max-attempts = 'eight' is not a whole number");
    }

    /** Runs the hub's main class until its JVM ends; its status must be 1; answers what it logged. */
    private String runUntilExit(List<String> options) throws Exception {
        Path log = work.resolve("hub-" + System.nanoTime() + ".log");
        String passivePorts = IntStream.range(0, 3).mapToObj(i -> String.valueOf(RunningHub.freePort()))
                .collect(Collectors.joining(","));
        List<String> jvm = new ArrayList<>(List.of("-Xmx256m", "-Dparkhub.data-dir=" + work.resolve("data"),
                "-Dparkhub.broker.port=" + RunningHub.freePort(), "-Dparkhub.ftp.port=" + RunningHub.freePort(),
                "-Dparkhub.ftp.host=127.0.0.1", "-Dparkhub.ftp.passive-ports=" + passivePorts));
        jvm.addAll(options);
        Process hub = new ProcessBuilder(ChildJvm.command(jvm, "org.parkhub.platform.ParkHub"))
                .directory(new File(System.getProperty("user.dir")))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            assertThat(hub.waitFor(120, TimeUnit.SECONDS)).as("the JVM ends").isTrue();
            assertThat(hub.exitValue()).isEqualTo(1);
            String logged = Files.readString(log);
            assertThat(logged).doesNotContain("parkhub ready");
            return logged;
        } finally {
            hub.destroyForcibly();
        }
    }
}
