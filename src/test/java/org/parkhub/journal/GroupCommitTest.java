package org.parkhub.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Concurrent writes share a commit; one that fails does not take the others of its group with it. */
class GroupCommitTest {

    private HikariDataSource db;

    @BeforeEach
    void database() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:group-commit-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        db = new HikariDataSource(config);
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE row_kept (id INT PRIMARY KEY)");
        }
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void writesWaitingMeanwhileAreCommittedTogetherAndAFailureStaysWithItsCaller() throws Exception {
        GroupCommit commits = new GroupCommit(db, 64);
        AtomicInteger writes = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService callers = Executors.newFixedThreadPool(9);
        try {
            // the first write holds the writer's turn until the others are waiting
            Future<?> first = holdTheWriter(callers, commits, release, 0, writes);
            List<Future<?>> others = new ArrayList<>();
            for (int i = 1; i <= 8; i++) {
                int id = i;
                // the fifth write always fails: only its caller may hear of it
                others.add(callers.submit(() -> commits.commit(c -> {
                    if (id == 5) {
                        writes.incrementAndGet();
                        throw new java.sql.SQLException("refused");
                    }
                    insert(c, id, writes);
                })));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> commits.waiting() == 8);
            release.countDown();
            first.get();
            for (int i = 0; i < others.size(); i++) {
                if (i + 1 == 5) {
                    Future<?> failing = others.get(i);
                    assertThatThrownBy(failing::get).hasCauseInstanceOf(JournalException.class);
                } else {
                    others.get(i).get();
                }
            }
            // the first write alone, then the eight together up to the failing one (in whatever order they queued),
            // rolled back, then each of the eight alone: more than the nine runs of writes never grouped
            assertThat(writes.get()).isBetween(1 + 1 + 8, 1 + 8 + 8);
        } finally {
            callers.shutdownNow();
        }
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT COUNT(*) FROM row_kept")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(8); // ids 0-4 and 6-8
        }
    }

    /**
     * Groups of one: the quick write is committed in the group before the slow one, and its caller returns while
     * the slow group is still being written (it does not queue for the writer to learn that it is done).
     */
    @Test
    void aCallerReturnsOnceItsGroupIsCommittedNotAfterTheGroupsBehindIt() throws Exception {
        GroupCommit commits = new GroupCommit(db, 1);
        AtomicInteger writes = new AtomicInteger();
        CountDownLatch releaseFirst = new CountDownLatch(1);
        CountDownLatch releaseSlow = new CountDownLatch(1);
        ExecutorService callers = Executors.newFixedThreadPool(3);
        try {
            Future<?> first = holdTheWriter(callers, commits, releaseFirst, 1, writes);
            Future<?> quick = callers.submit(() -> commits.commit(c -> insert(c, 2, writes)));
            await().atMost(Duration.ofSeconds(10)).until(() -> commits.waiting() == 1);
            Future<?> slow = callers.submit(() -> commits.commit(c -> {
                await().atMost(Duration.ofSeconds(20)).until(() -> releaseSlow.getCount() == 0);
                insert(c, 3, writes);
            }));
            await().atMost(Duration.ofSeconds(10)).until(() -> commits.waiting() == 2);
            releaseFirst.countDown();
            first.get();
            quick.get(10, TimeUnit.SECONDS);
            assertThat(slow).isNotDone();
            releaseSlow.countDown();
            slow.get(10, TimeUnit.SECONDS);
            assertThat(writes).hasValue(3);
        } finally {
            callers.shutdownNow();
        }
    }

    /** An error (not an exception) in a group's transaction reaches every caller of the group; nobody waits for ever. */
    @Test
    void anErrorInAGroupReachesItsCallersAndTheNextWriteGoesThrough() throws Exception {
        GroupCommit commits = new GroupCommit(db, 64);
        AtomicInteger writes = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService callers = Executors.newFixedThreadPool(3);
        try {
            Future<?> first = holdTheWriter(callers, commits, release, 1, writes);
            Future<?> broken = callers.submit(() -> commits.commit(c -> {
                throw new AssertionError("broken write");
            }));
            await().atMost(Duration.ofSeconds(10)).until(() -> commits.waiting() == 1);
            Future<?> beside = callers.submit(() -> commits.commit(c -> insert(c, 2, writes)));
            await().atMost(Duration.ofSeconds(10)).until(() -> commits.waiting() == 2);
            release.countDown();
            first.get(10, TimeUnit.SECONDS);
            for (Future<?> inGroup : List.of(broken, beside)) {
                assertThatThrownBy(() -> inGroup.get(10, TimeUnit.SECONDS)).hasStackTraceContaining("broken write");
            }
            commits.commit(c -> insert(c, 3, writes));
        } finally {
            callers.shutdownNow();
        }
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT id FROM row_kept ORDER BY id")) {
            List<Integer> kept = new ArrayList<>();
            while (rs.next()) {
                kept.add(rs.getInt(1));
            }
            assertThat(kept).containsExactly(1, 3);
        }
    }

    @Test
    void aLoneWriteIsCommittedAtOnce() {
        GroupCommit commits = new GroupCommit(db, 64);
        AtomicInteger transactions = new AtomicInteger();
        commits.commit(c -> insert(c, 42, transactions));
        assertThat(transactions).hasValue(1);
        assertThat(commits.waiting()).isZero();
    }

    /** A write that holds the writer's turn until released; returns once it holds it. */
    private static Future<?> holdTheWriter(ExecutorService callers, GroupCommit commits, CountDownLatch release, int id,
                                           AtomicInteger writes) throws InterruptedException {
        CountDownLatch holding = new CountDownLatch(1);
        Future<?> held = callers.submit(() -> commits.commit(c -> {
            holding.countDown();
            await().atMost(Duration.ofSeconds(10)).until(() -> release.getCount() == 0);
            insert(c, id, writes);
        }));
        holding.await();
        return held;
    }

    private static void insert(Connection c, int id, AtomicInteger writes) throws java.sql.SQLException {
        writes.incrementAndGet();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO row_kept (id) VALUES (?)")) {
            ps.setInt(1, id);
            ps.executeUpdate();
        }
    }
}
