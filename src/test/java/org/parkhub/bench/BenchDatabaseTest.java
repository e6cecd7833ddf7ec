package org.parkhub.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run on PostgreSQL gives each part an empty schema of its own with the hub's tables, and takes it away after. */
class BenchDatabaseTest {

    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String PART = "bench-database-test";
    private static final String SCHEMA = "parkhub_bench_bench_database_test";

    private final BenchDatabase postgres = new BenchDatabase(POSTGRES, "postgres");

    @TempDir
    Path work;

    @AfterEach
    void dropSchema() throws SQLException {
        postgres.drop(PART);
    }

    @Test
    void aPartsHubAndBaselinesUseAnEmptySchemaOfThePartsOwnThatGoesAfterThePart() throws Exception {
        assertThat(postgres.hubOptions(PART)).containsExactly(
                "-Dparkhub.db.url=" + POSTGRES + "?currentSchema=" + SCHEMA, "-Dparkhub.db.user=postgres");
        assertThat(schemaExists()).isTrue();

        try (HikariDataSource db = postgres.open(work, PART)) {
            BenchDatabase.execute(db, "CREATE TABLE stock_row (id BIGINT PRIMARY KEY)");
            BenchDatabase.execute(db, "INSERT INTO stock_row (id) VALUES (1)");
            assertThat(BenchDatabase.count(db, "stock_row")).isOne();
            assertThat(BenchDatabase.count(db, "message")).as("the hub's migrations ran in the schema").isZero();
        }
        try (HikariDataSource again = postgres.open(work, PART)) {
            assertThat(tableExists("stock_row")).as("a part starts empty").isFalse();
            assertThat(BenchDatabase.count(again, "message")).isZero();
        }

        postgres.drop(PART);
        assertThat(schemaExists()).isFalse();
    }

    @Test
    void theEmbeddedDefaultNeedsNoOptionsAndSaysWhatItIs() throws Exception {
        BenchDatabase embedded = BenchDatabase.embedded();
        assertThat(embedded.hubOptions(PART)).isEmpty();
        assertThat(embedded.describe()).isEqualTo("embedded H2");
        assertThat(postgres.describe()).startsWith("PostgreSQL " + POSTGRES);
        try (HikariDataSource db = embedded.open(work, PART)) {
            assertThat(BenchDatabase.count(db, "message")).isZero();
        }
    }

    private static boolean schemaExists() throws SQLException {
        return exists("SELECT 1 FROM information_schema.schemata WHERE schema_name = '" + SCHEMA + "'");
    }

    private static boolean tableExists(String table) throws SQLException {
        return exists("SELECT 1 FROM information_schema.tables WHERE table_schema = '" + SCHEMA
                + "' AND table_name = '" + table + "'");
    }

    private static boolean exists(String query) throws SQLException {
        try (Connection c = DriverManager.getConnection(POSTGRES, "postgres", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(query)) {
            return rs.next();
        }
    }
}
