package org.parkhub.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the embedded H2 file from growing without bound. The hub opens H2 with {@code WRITE_DELAY=0} so that every
 * commit is on disk before it is answered; H2 then runs no background writer, and that writer is also what
 * rewrites the live pages of half-empty chunks so that their space can be reused. Without it the file kept every
 * chunk that still held a live page: 8-9 KB per journaled row, 13 GB after 1.45 million rows of one export.
 * This does that rewriting on a timer: a few megabytes at a time while the chunks' fill rate is below the target.
 */
public final class EmbeddedStoreCompaction implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedStoreCompaction.class);

    /**
     * Chunks are rewritten while their live share is below this: the file holds at most about 1.7 times its live
     * data, plus the chunks of H2's 45 s retention (the measured trade-off: docs/decisions/0003).
     */
    static final int TARGET_FILL_RATE = 60;
    /** Live data rewritten per round, at most. */
    static final int WRITE_LIMIT_BYTES = 4 * 1024 * 1024;

    private final MVStore store;
    private final ScheduledExecutorService timer;
    private final AtomicLong rewritingRounds = new AtomicLong();

    private EmbeddedStoreCompaction(MVStore store) {
        this.store = store;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "parkhub-h2-compaction");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts compacting the embedded H2 database behind {@code dataSource} every {@code interval}. */
    public static EmbeddedStoreCompaction start(DataSource dataSource, Duration interval) throws SQLException {
        EmbeddedStoreCompaction compaction = new EmbeddedStoreCompaction(storeOf(dataSource));
        compaction.timer.scheduleWithFixedDelay(compaction::runSafely, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        return compaction;
    }

    /** The store of an embedded H2 database: one per database, the same for all of its connections. */
    static MVStore storeOf(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
            return session.getDatabase().getStore().getMvStore();
        }
    }

    /**
     * One round: rewrites up to {@link #WRITE_LIMIT_BYTES} of live pages from the emptiest chunks when the chunks'
     * fill rate is below {@link #TARGET_FILL_RATE}; the emptied chunks are freed for reuse once H2's retention time
     * has passed. Returns whether anything was rewritten.
     */
    private boolean compactOnce() {
        if (store.isClosed() || !store.compact(TARGET_FILL_RATE, WRITE_LIMIT_BYTES)) {
            return false;
        }
        // the rewritten pages are only marked changed: write them now, as H2's background writer would (when a
        // commit of the hub's is under way, that one writes them)
        store.tryCommit();
        rewritingRounds.incrementAndGet();
        return true;
    }

    /** The database file's size in bytes (0 once the store is closed). */
    long fileBytes() {
        return store.isClosed() ? 0 : store.getFileStore().size();
    }

    /** The live share of the file's chunks, 0 to 1: what the rounds keep above {@link #TARGET_FILL_RATE}. */
    double liveShare() {
        return store.isClosed() ? 0 : store.getFileStore().getChunksFillRate() / 100.0;
    }

    /** How many rounds rewrote something so far. */
    long rewritingRounds() {
        return rewritingRounds.get();
    }

    private void runSafely() {
        try {
            compactOnce();
        } catch (RuntimeException e) {
            // a closing store or a full disk: the next round tries again, the hub's own writes report the error
            LOG.warn("compacting the embedded database failed: {}", e.toString());
        }
    }

    @Override
    public void close() throws InterruptedException {
        timer.shutdown();
        timer.awaitTermination(30, TimeUnit.SECONDS);
    }
}
