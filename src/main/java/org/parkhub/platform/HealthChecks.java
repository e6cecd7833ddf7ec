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

    static final class Broker extends AbstractHealthCheck {
        private final ConnectionFactory factory;
        private final String address;

        Broker(ConnectionFactory factory, String address) {
            super("parkhub", "broker");
            this.factory = factory;
            this.address = address;
        }

        @Override
        protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
            builder.detail("address", address);
            try (jakarta.jms.Connection connection = factory.createConnection()) {
                connection.getMetaData();
                builder.up();
            } catch (Exception e) {
                builder.down().error(e).message("broker unreachable: " + e.getMessage());
            }
        }
    }

    static final class Database extends AbstractHealthCheck {
        private final DataSource dataSource;
        private final String address;

        Database(DataSource dataSource, String address) {
            super("parkhub", "database");
            this.dataSource = dataSource;
            this.address = address;
        }

        @Override
        protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
            builder.detail("address", address);
            try (Connection connection = dataSource.getConnection()) {
                if (connection.isValid(2)) {
                    builder.up();
                } else {
                    builder.down().message("database connection not valid");
                }
            } catch (Exception e) {
                builder.down().error(e).message("database unreachable: " + e.getMessage());
            }
        }
    }
}
