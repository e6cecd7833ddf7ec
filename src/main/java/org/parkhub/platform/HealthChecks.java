package org.parkhub.platform;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.parkhub.guard.DataDisk;
import org.parkhub.ingest.file.RemoteSources;

/**
 * Readiness of what every message needs (database, broker, FTP server, room on the data disk); Camel adds
 * the routes' own checks. None of them is a liveness check: a hub waiting for its broker is alive, and
 * restarting it would not bring the broker back.
 */
final class HealthChecks {

    private HealthChecks() {
    }

    static AbstractHealthCheck broker(ConnectionFactory factory, String address) {
        return new Probe("broker", address, () -> {
            try (Connection connection = factory.createConnection()) {
                connection.getMetaData();
            }
        });
    }

    static AbstractHealthCheck database(DataSource dataSource, String address) {
        return new Probe("database", address, () -> Database.check(dataSource));
    }

    /** The FTP server answers its greeting on its port. */
    static AbstractHealthCheck ftp(String host, int port) {
        String reachable = host.isEmpty() || host.equals("0.0.0.0") ? "127.0.0.1" : host;
        return new Probe("ftp", "ftp://" + reachable + ":" + port, () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(reachable, port), 2000);
                socket.setSoTimeout(2000);
                String greeting = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                        .readLine();
                if (greeting == null || !greeting.startsWith("220")) {
                    throw new IllegalStateException("no FTP greeting: " + greeting);
                }
            }
        });
    }

    /** The data directory's disk has room for journals, files and the broker: below the minimum, new work would fail. */
    static AbstractHealthCheck disk(Path dataDir, DataDisk disk) {
        return new Probe("disk", dataDir.toAbsolutePath().toString(), () -> {
            Optional<String> full = disk.full();
            if (full.isPresent()) {
                throw new IllegalStateException(full.get());
            }
        });
    }

    /**
     * The firms' remote sources the hub left out, as details: always UP, as a firm's broken source is no reason to
     * take the hub out of a load balancer (the alert and the console tell the park's operators).
     */
    static AbstractHealthCheck remoteSources(RemoteSources sources) {
        return new AbstractHealthCheck("parkhub", "remote-sources") {
            @Override
            public boolean isLiveness() {
                return false;
            }

            @Override
            protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
                Map<String, RemoteSources.Failure> failures = sources.failures();
                builder.detail("failed", failures.size());
                failures.forEach((route, failure) -> builder.detail(route, failure.participant() + " " + failure.source()
                        + ": " + failure.reason()));
                builder.up();
            }
        };
    }

    /** UP when the probe gets through, DOWN with its error when it does not. */
    private static final class Probe extends AbstractHealthCheck {
        private final String address;
        private final Attempt attempt;

        Probe(String id, String address, Attempt attempt) {
            super("parkhub", id);
            this.address = address;
            this.attempt = attempt;
        }

        @Override
        public boolean isLiveness() {
            return false;
        }

        @Override
        protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
            builder.detail("address", address);
            try {
                attempt.run();
                builder.up();
            } catch (Exception e) {
                builder.down().error(e).message(getId() + " unreachable: " + e.getMessage());
            }
        }
    }

    @FunctionalInterface
    private interface Attempt {
        void run() throws Exception;
    }
}
