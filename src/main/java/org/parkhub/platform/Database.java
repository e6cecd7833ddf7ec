package org.parkhub.platform;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

/** The hub's database: embedded H2 in file mode under the data dir, or the configured external one. */
public final class Database {

    private Database() {
    }

    /** Opens the pool and brings the schema up to date with the same migrations on H2 and PostgreSQL. */
    public static HikariDataSource open(HubSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("parkhub-db");
        if (settings.database().embedded()) {
            Path file = settings.dataDir().toAbsolutePath().resolve("db").resolve("parkhub");
            // PostgreSQL mode keeps the shared SQL of the migrations portable. WRITE_DELAY=0 writes each commit
            // before it returns: by default H2 writes commits up to a second later, and a killed hub lost what it
            // had already answered as accepted (found by the crash harness)
            config.setJdbcUrl("jdbc:h2:file:" + file
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0");
            config.setUsername("parkhub");
            config.setPassword("");
        } else {
            config.setJdbcUrl(settings.database().url());
            config.setUsername(settings.database().user());
            config.setPassword(settings.database().password());
            // after five runs PostgreSQL may keep one generic plan for a prepared statement, and on a server that
            // never analyzes the tables it keeps it: made while the journal was empty, the relay's poll still read
            // every message millions of rows later. Planned for its values and the tables as they are, the poll
            // reads its entries' messages by key at any size (docs/decisions/0004)
            config.setConnectionInitSql("SET plan_cache_mode = force_custom_plan");
        }
        config.setMaximumPoolSize(10);
        // when the database is gone a request learns it within seconds (and answers 503), not after Hikari's 30 s
        config.setConnectionTimeout(5_000);
        config.setAutoCommit(true);
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            migrate(dataSource);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return dataSource;
    }

    static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    /** Throws unless the database gives a connection that answers within two seconds. */
    static void check(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isValid(2)) {
                throw new SQLException("connection not valid");
            }
        }
    }

    /** Whether the database answers now (see {@link #check}). */
    static boolean answers(DataSource dataSource) {
        try {
            check(dataSource);
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** Where the database lives, for the start-up log; never includes credentials. */
    public static String describe(HubSettings settings) {
        return settings.database().embedded()
                ? "H2 " + settings.dataDir().toAbsolutePath().normalize().resolve("db")
                : settings.database().url().replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
