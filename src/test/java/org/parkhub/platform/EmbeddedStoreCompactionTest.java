package org.parkhub.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parkhub.support.TestSettings;

/**
 * The embedded database, opened as the hub opens it (every commit written at once), leaves chunks that are mostly
 * dead but still hold a live page; compaction rewrites those pages so the chunks' space is reused.
 */
class EmbeddedStoreCompactionTest {

    private static final int ROWS = 20_000;
    private static final int ROWS_PER_COMMIT = 100;

    @TempDir
    Path dataDir;

    @Test
    void rewritesHalfEmptyChunksUntilTheTargetFillRate() throws Exception {
        try (HikariDataSource db = Database.open(TestSettings.embedded(dataDir))) {
            MVStore store = EmbeddedStoreCompaction.storeOf(db);
            // H2 keeps emptied chunks 45 s in case the disk reordered writes; the test looks at the space at once
            store.setRetentionTime(0);
            leaveOneRowInTen(db);
            int before = store.getFileStore().getChunksFillRate();
            assertThat(before).as("fill rate before compaction").isLessThan(EmbeddedStoreCompaction.TARGET_FILL_RATE);

            try (EmbeddedStoreCompaction compaction = EmbeddedStoreCompaction.start(db, Duration.ofMillis(50))) {
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                        store.getFileStore().getChunksFillRate()).as("fill rate after compaction (before: %d)", before)
                        .isGreaterThanOrEqualTo(EmbeddedStoreCompaction.TARGET_FILL_RATE));
            }
            assertThat(count(db)).isEqualTo(ROWS / 10);
        }
    }

    /** Inserts rows a commit at a time, as the journal does, then deletes nine in ten: every chunk keeps a little. */
    private static void leaveOneRowInTen(HikariDataSource db) throws SQLException {
        try (Connection c = db.getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE churn (id INT PRIMARY KEY, payload VARCHAR(400))");
            }
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO churn VALUES (?, ?)")) {
                for (int id = 0; id < ROWS; id++) {
                    insert.setInt(1, id);
                    insert.setString(2, "x".repeat(300) + id);
                    insert.addBatch();
                    if ((id + 1) % ROWS_PER_COMMIT == 0) {
                        insert.executeBatch();
                        c.commit();
                    }
                }
            }
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM churn WHERE id BETWEEN ? AND ? AND MOD(id, 10) <> 0")) {
                for (int from = 0; from < ROWS; from += ROWS_PER_COMMIT) {
                    delete.setInt(1, from);
                    delete.setInt(2, from + ROWS_PER_COMMIT - 1);
                    delete.executeUpdate();
                    c.commit();
                }
            }
        }
    }

    private static int count(HikariDataSource db) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT COUNT(*) FROM churn")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
