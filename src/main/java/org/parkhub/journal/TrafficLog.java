package org.parkhub.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;

import javax.sql.DataSource;

/**
 * Traffic per minute, channel, type and participant: messages in (accepted and rejected, by sender) and
 * copies out (dispatched to recipients, by recipient): what the console charts and the alerts read. Counted in memory and written every few seconds as new rows (each node its own rows; readers
 * sum them), so that counting costs the intake nothing and hub nodes never contend for a row. Rows older than
 * the retention are dropped.
 */
public class TrafficLog {

    /** Which way traffic goes: messages firms send in, copies the hub sends out. */
    public enum Direction { IN, OUT }

    /** A minute's count of one kind of traffic (out: {@code accepted} counts the copies). */
    public record Count(OffsetDateTime minute, Direction direction, String channel, String type, long accepted,
                        long rejected) {
    }

    /** Accepted and rejected since a moment. */
    public record Totals(long accepted, long rejected) {
        public double rejectionRate() {
            long all = accepted + rejected;
            return all == 0 ? 0 : (double) rejected / all;
        }
    }

    private record Key(Instant minute, Direction direction, String channel, String type, String participant) {
    }

    public static final Duration RETENTION = Duration.ofDays(30);

    private final DataSource dataSource;
    private final Clock clock;
    private final Map<Key, AtomicLongArray> pending = new ConcurrentHashMap<>();
    private volatile Instant prunedAt = Instant.MIN;

    public TrafficLog(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    public void add(Direction direction, String channel, String type, String participant, long accepted, long rejected) {
        if (accepted == 0 && rejected == 0) {
            return;
        }
        Key key = new Key(clock.instant().truncatedTo(ChronoUnit.MINUTES), direction, channel, type, participant);
        AtomicLongArray counts = pending.computeIfAbsent(key, k -> new AtomicLongArray(2));
        counts.addAndGet(0, accepted);
        counts.addAndGet(1, rejected);
    }

    /** Writes what was counted since the last flush (a timer calls it, and the hub once more as it stops). */
    public synchronized void flush() {
        Map<Key, long[]> taken = new HashMap<>();
        for (Key key : List.copyOf(pending.keySet())) {
            AtomicLongArray counts = pending.remove(key);
            if (counts != null) {
                // an add racing with the removal lands in a fresh entry, written next time
                taken.put(key, new long[] {counts.get(0), counts.get(1)});
            }
        }
        if (!taken.isEmpty()) {
            write(taken);
        }
        if (prunedAt.plus(Duration.ofHours(1)).isBefore(clock.instant())) {
            prunedAt = clock.instant();
            Statements.update(dataSource, "cannot prune the traffic counts", "DELETE FROM traffic_count WHERE at_minute < ?",
                    ps -> ps.setObject(1, OffsetDateTime.ofInstant(clock.instant().minus(RETENTION), ZoneOffset.UTC)));
        }
    }

    private void write(Map<Key, long[]> taken) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO traffic_count (at_minute, direction, channel, type, participant, accepted, rejected)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (Map.Entry<Key, long[]> entry : taken.entrySet()) {
                ps.setObject(1, OffsetDateTime.ofInstant(entry.getKey().minute(), ZoneOffset.UTC));
                ps.setString(2, entry.getKey().direction().name());
                ps.setString(3, entry.getKey().channel());
                ps.setString(4, entry.getKey().type());
                ps.setString(5, entry.getKey().participant());
                ps.setLong(6, entry.getValue()[0]);
                ps.setLong(7, entry.getValue()[1]);
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            // the counts go back, to be written with the next flush
            taken.forEach((key, counts) -> {
                AtomicLongArray back = pending.computeIfAbsent(key, k -> new AtomicLongArray(2));
                back.addAndGet(0, counts[0]);
                back.addAndGet(1, counts[1]);
            });
            throw new JournalException("cannot write the traffic counts: " + e.getMessage(), e);
        }
    }

    /** Per minute, direction, channel and type since {@code since} (all participants together), oldest first. */
    public List<Count> perMinute(Instant since) {
        return Statements.query(dataSource, "cannot read the traffic counts",
                "SELECT at_minute, direction, channel, type, SUM(accepted), SUM(rejected) FROM traffic_count"
                        + " WHERE at_minute >= ? GROUP BY at_minute, direction, channel, type ORDER BY at_minute",
                ps -> ps.setObject(1, OffsetDateTime.ofInstant(since, ZoneOffset.UTC)),
                rs -> new Count(rs.getObject(1, OffsetDateTime.class), Direction.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getLong(5), rs.getLong(6)));
    }

    /** Messages in, accepted and rejected, per sender since {@code since}. */
    public Map<String, Totals> perParticipant(Instant since) {
        Map<String, Totals> totals = new HashMap<>();
        Statements.query(dataSource, "cannot read the traffic counts",
                "SELECT participant, SUM(accepted), SUM(rejected) FROM traffic_count WHERE direction = 'IN' AND at_minute >= ?"
                        + " GROUP BY participant",
                ps -> ps.setObject(1, OffsetDateTime.ofInstant(since, ZoneOffset.UTC)),
                rs -> totals.put(rs.getString(1), new Totals(rs.getLong(2), rs.getLong(3))));
        return totals;
    }

    /** The last minute each participant sent anything in on each channel (within the retention). */
    public Map<String, Map<String, OffsetDateTime>> lastActivity() {
        Map<String, Map<String, OffsetDateTime>> last = new HashMap<>();
        Statements.query(dataSource, "cannot read the traffic counts",
                "SELECT participant, channel, MAX(at_minute) FROM traffic_count WHERE direction = 'IN'"
                        + " GROUP BY participant, channel",
                ps -> { },
                rs -> last.computeIfAbsent(rs.getString(1), p -> new HashMap<>())
                        .put(rs.getString(2), rs.getObject(3, OffsetDateTime.class)));
        return last;
    }

    /** Messages in since {@code since}, all senders together. */
    public Totals since(Instant since) {
        long accepted = 0;
        long rejected = 0;
        for (Totals t : perParticipant(since).values()) {
            accepted += t.accepted();
            rejected += t.rejected();
        }
        return new Totals(accepted, rejected);
    }
}
