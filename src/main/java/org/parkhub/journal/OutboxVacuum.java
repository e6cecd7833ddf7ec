package org.parkhub.journal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps PostgreSQL's outbox lean. PostgreSQL keeps deleted rows, and their index entries, until the table is
 * vacuumed, and the relay's scan from the oldest entry steps over every one of them: with autovacuum off or
 * behind, each poll costs more with every message ever published (in the 2 GB benchmark, on a server with
 * autovacuum off, 13,015 index pages and 42 ms a poll after 5 million messages). So the relay vacuums the
 * outbox itself after every {@code every} entries it cleared; skipped while another vacuum (autovacuum, another
 * node) holds the table. H2 needs none: it takes deleted keys out of its pages at once.
 */
public final class OutboxVacuum {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxVacuum.class);

    private final DataSource dataSource;
    private final long every;
    private long cleared;

    private OutboxVacuum(DataSource dataSource, long every) {
        this.dataSource = dataSource;
        this.every = every;
    }

    public static OutboxVacuum every(DataSource dataSource, long entries) {
        return new OutboxVacuum(dataSource, entries);
    }

    /** For the embedded H2. */
    public static OutboxVacuum none() {
        return new OutboxVacuum(null, Long.MAX_VALUE);
    }

    /** Counts entries the relay cleared; vacuums once {@code every} of them have been since the last time. */
    public synchronized void cleared(int entries) {
        cleared += entries;
        if (dataSource == null || cleared < every) {
            return;
        }
        cleared = 0;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            // VACUUM runs outside a transaction: the pool's connections are in autocommit
            s.execute("VACUUM (SKIP_LOCKED) outbox");
        } catch (SQLException e) {
            // not vacuumed this time: the entries are gone all the same, and the next round tries again
            LOG.warn("outbox: cannot vacuum: {}", e.getMessage());
        }
    }
}
