package org.parkhub.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parkhub.journal.Statements;
import org.parkhub.support.ChildJvm;
import org.parkhub.support.TestSettings;

/**
 * A commit the embedded database has returned from survives the process dying the next instant (H2 writes
 * commits up to a second later unless told otherwise; the crash harness found journaled messages gone).
 */
class DatabaseDurabilityTest {

    private static final int COMMITS = 200;

    @TempDir
    Path dataDir;

    /** Run as its own JVM: commits one row at a time, then dies at once, as under SIGKILL. */
    public static void main(String[] args) {
        try (HikariDataSource db = Database.open(TestSettings.embedded(Path.of(args[0])))) {
            for (int i = 0; i < COMMITS; i++) {
                int row = i;
                Statements.update(db, "audit", "INSERT INTO admin_audit (at, actor, action) VALUES (CURRENT_TIMESTAMP, 'test', ?)",
                        ps -> ps.setString(1, "commit-" + row));
            }
            Runtime.getRuntime().halt(9);
        }
    }

    @Test
    void everyReturnedCommitIsThereAfterTheProcessDies() throws Exception {
        Process child = new ProcessBuilder(ChildJvm.command(List.of(), DatabaseDurabilityTest.class.getName(),
                dataDir.toString())).directory(new File(System.getProperty("user.dir"))).inheritIO().start();
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as("died without closing").isEqualTo(9);
        try (HikariDataSource db = Database.open(TestSettings.embedded(dataDir))) {
            assertThat(Statements.query(db, "count", "SELECT COUNT(*) FROM admin_audit WHERE actor = 'test'", ps -> { },
                    rs -> rs.getInt(1)).get(0)).isEqualTo(COMMITS);
        }
    }
}
