package org.parkhub.platform;

import java.sql.Connection;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.jms.ConnectionFactory;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/** Readiness of the two services every message needs; Camel adds the routes' own checks. */
final class HealthChecks {

    private HealthChecks() {
    }

    static AbstractHealthCheck broker(ConnectionFactory factory, String address) {
        return new Probe("broker", address, () -> {
            try (jakarta.jms.Connection connection = factory.createConnection()) {
                connection.getMetaData();
            }
        });
    }

    static AbstractHealthCheck database(DataSource dataSource, String address) {
        return new Probe("database", address, () -> {
            try (Connection connection = dataSource.getConnection()) {
                if (!connection.isValid(2)) {
                    throw new IllegalStateException("connection not valid");
                }
            }
        });
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
