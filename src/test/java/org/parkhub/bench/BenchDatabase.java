package org.parkhub.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import org.parkhub.journal.Statements;
import org.parkhub.platform.Database;
import org.parkhub.support.TestSettings;

/**
 * Where a run's hubs and database baselines keep their data: the embedded H2 in each part's folder (the default),
 * or a PostgreSQL database ({@code -Dparkhub.bench.postgres=jdbc:postgresql://host:port/db}, the scale-out mode's
 * journal), where each part gets a schema of its own, created empty before the part and dropped after it. Either
 * way a baseline opens its database as the hub does (same settings, same pool, the hub's migrations).
 */
record BenchDatabase(String postgresUrl, String postgresUser) {

    static BenchDatabase embedded() {
        return new BenchDatabase("", "");
    }

    boolean postgres() {
        return !postgresUrl.isEmpty();
    }

    /** For the report; the PostgreSQL server's CPU time is its own processes', not counted in the hub's. */
    String describe() {
        return postgres() ? "PostgreSQL " + postgresUrl + " (the server's CPU time is not in the hub's)" : "embedded H2";
    }

    /** The options that point a part's hub at its database: none for H2, an empty schema of the part's for PostgreSQL. */
    List<String> hubOptions(String part) throws SQLException {
        if (!postgres()) {
            return List.of();
        }
        recreate(part);
        return List.of("-Dparkhub.db.url=" + schemaUrl(part), "-Dparkhub.db.user=" + postgresUser);
    }

    /** A baseline's database, empty: H2 in {@code dataDir}, or the part's own schema. */
    HikariDataSource open(Path dataDir, String part) throws SQLException {
        if (!postgres()) {
            return Database.open(TestSettings.embedded(dataDir));
        }
        recreate(part);
        return Database.open(TestSettings.withDatabase(dataDir, schemaUrl(part), postgresUser));
    }

    /** Drops the part's schema (its rows would fill the database run after run); nothing to do for H2. */
    void drop(String part) throws SQLException {
        if (postgres()) {
            execute("DROP SCHEMA IF EXISTS " + schema(part) + " CASCADE");
        }
    }

    static void execute(HikariDataSource db, String sql) {
        Statements.update(db, "set up the baseline's table", sql, ps -> { });
    }

    static long count(HikariDataSource db, String table) {
        return Statements.query(db, "count " + table, "SELECT COUNT(*) FROM " + table, ps -> { }, rs -> rs.getLong(1)).get(0);
    }

    private void recreate(String part) throws SQLException {
        drop(part);
        execute("CREATE SCHEMA " + schema(part));
    }

    private String schemaUrl(String part) {
        return postgresUrl + (postgresUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema(part);
    }

    private static String schema(String part) {
        return "parkhub_bench_" + part.replace('-', '_');
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(postgresUrl, postgresUser, "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
