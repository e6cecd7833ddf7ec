package org.parkhub.journal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;

import com.zaxxer.hikari.HikariDataSource;
import org.parkhub.participant.ParticipantSeed;
import org.parkhub.participant.ParticipantStore;
import org.parkhub.participant.SecretHasher;
import org.parkhub.participant.SecretSealer;
import org.parkhub.platform.Database;
import org.parkhub.support.TestSettings;

/**
 * The two databases the journal runs on, for tests parameterized over them: embedded H2 and this machine's
 * PostgreSQL (database {@code test}, a schema per test class), migrated by the same Flyway scripts and seeded with
 * the demo park's participants.
 */
public final class TestDatabases {

    public static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";

    private TestDatabases() {
    }

    /** The names a {@code @MethodSource} hands in. */
    public static Stream<String> names() {
        return Stream.of("h2", "postgresql");
    }

    /** The hub's pool on H2 under {@code h2Dir}, or on PostgreSQL in {@code schema} (made if missing). */
    public static HikariDataSource open(String database, Path h2Dir, String schema) throws SQLException {
        String url = "";
        if (database.equals("postgresql")) {
            execute("CREATE SCHEMA IF NOT EXISTS " + schema);
            url = POSTGRES + "?currentSchema=" + schema;
        }
        HikariDataSource dataSource = Database.open(TestSettings.withDatabase(h2Dir, url,
                database.equals("postgresql") ? "postgres" : ""));
        new ParticipantSeed(new ParticipantStore(dataSource, SecretSealer.withNewKey()), new SecretHasher())
                .importFile(Path.of("config/participants.yaml"));
        return dataSource;
    }

    /** Drops the PostgreSQL schemas a test class made. */
    public static void drop(String... schemas) throws SQLException {
        for (String schema : schemas) {
            execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    /** One statement on PostgreSQL's {@code test} database, as its superuser. */
    public static void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(POSTGRES, "postgres", "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
