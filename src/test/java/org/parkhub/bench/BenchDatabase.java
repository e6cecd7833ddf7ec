package org.parkhub.bench;

import java.nio.file.Path;

import com.zaxxer.hikari.HikariDataSource;
import org.parkhub.journal.Statements;
import org.parkhub.platform.Database;
import org.parkhub.support.TestSettings;

/** The hub's own embedded database (same H2 settings, same pool) in a directory of a baseline's own. */
final class BenchDatabase {

    private BenchDatabase() {
    }

    static HikariDataSource open(Path dataDir) {
        return Database.open(TestSettings.embedded(dataDir));
    }

    static void execute(HikariDataSource db, String sql) {
        Statements.update(db, "set up the baseline's table", sql, ps -> { });
    }

    static long count(HikariDataSource db, String table) {
        return Statements.query(db, "count " + table, "SELECT COUNT(*) FROM " + table, ps -> { }, rs -> rs.getLong(1)).get(0);
    }
}
