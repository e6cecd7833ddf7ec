package org.parkhub.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.parkhub.model.MessageType;

/**
 * The journal of each recipient's copy after routing: attempts, delivery, dead letters and what
 * administrators did with them. Every change of state writes a {@link DeliveryEvent} in the same transaction.
 */
public class DeliveryLog {

    /** What dead letters an administrator means: any of the fields may be null (no restriction); type by enum name. */
    public record DeadLetterFilter(String recipient, String type, String messageId) {
    }

    private final DataSource dataSource;
    private final Clock clock;
    private final ZoneId zone;
    private final DeliveryMetrics metrics;

    public DeliveryLog(DataSource dataSource, Clock clock, ZoneId zone, DeliveryMetrics metrics) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.zone = zone;
        this.metrics = metrics;
    }

    /** Attempts made so far (they survive restarts: a redelivered copy does not start again at one). */
    public int attempts(String messageId, String recipient) {
        return Transactions.run(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT attempts FROM delivery WHERE message_id = ? AND recipient = ?")) {
                ps.setString(1, messageId);
                ps.setString(2, recipient);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            }
        });
    }

    /** Records a failed attempt; returns the number of attempts made. */
    public int attemptFailed(String messageId, String recipient, String error) {
        metrics.copies(recipient, "failed", 1);
        return Transactions.run(dataSource, c -> {
            OffsetDateTime now = now();
            try (PreparedStatement ps = c.prepareStatement("UPDATE delivery SET attempts = attempts + 1, status = ?,"
                    + " last_error = ?, updated_at = ? WHERE message_id = ? AND recipient = ?")) {
                ps.setString(1, DeliveryStatus.RETRYING.name());
                ps.setString(2, clip(error));
                ps.setObject(3, now);
                ps.setString(4, messageId);
                ps.setString(5, recipient);
                ps.executeUpdate();
            }
            event(c, messageId, recipient, now, DeliveryEvent.Kind.ATTEMPT_FAILED, error);
            try (PreparedStatement ps = c.prepareStatement("SELECT attempts FROM delivery WHERE message_id = ? AND recipient = ?")) {
                ps.setString(1, messageId);
                ps.setString(2, recipient);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            }
        });
    }

    public void delivered(String messageId, String recipient, String detail) {
        deliveredAll(List.of(messageId), recipient, detail);
    }

    /** Several copies delivered at once (an outbox file), in one transaction. */
    public void deliveredAll(List<String> messageIds, String recipient, String detail) {
        metrics.copies(recipient, "delivered", messageIds.size());
        Transactions.run(dataSource, c -> {
            OffsetDateTime now = now();
            try (PreparedStatement ps = c.prepareStatement("UPDATE delivery SET attempts = attempts + 1, status = ?,"
                    + " delivered_at = ?, updated_at = ? WHERE message_id = ? AND recipient = ?")) {
                for (String messageId : messageIds) {
                    ps.setString(1, DeliveryStatus.DELIVERED.name());
                    ps.setObject(2, now);
                    ps.setObject(3, now);
                    ps.setString(4, messageId);
                    ps.setString(5, recipient);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            for (String messageId : messageIds) {
                event(c, messageId, recipient, now, DeliveryEvent.Kind.DELIVERED, detail);
            }
            return null;
        });
    }

    /** The copy gave up: it waits among the dead letters with its reason. */
    public void dead(String messageId, String recipient, String reason) {
        if (change(messageId, recipient, List.of(DeliveryStatus.QUEUED, DeliveryStatus.RETRYING), DeliveryStatus.DEAD,
                DeliveryEvent.Kind.DEAD, reason, Change.RECORD_REASON)) {
            metrics.copies(recipient, "dead", 1);
        }
    }

    /** A dead letter goes back on its way with fresh attempts; false when it was not a dead letter. */
    public boolean replayed(String messageId, String recipient, String by) {
        return change(messageId, recipient, List.of(DeliveryStatus.DEAD), DeliveryStatus.QUEUED,
                DeliveryEvent.Kind.REPLAYED, "replayed by " + by, Change.FRESH_ATTEMPTS);
    }

    public boolean discarded(String messageId, String recipient, String by) {
        return change(messageId, recipient, List.of(DeliveryStatus.DEAD), DeliveryStatus.DISCARDED,
                DeliveryEvent.Kind.DISCARDED, "discarded by " + by, Change.STATUS_ONLY);
    }

    public List<DeadLetter> deadLetters(DeadLetterFilter filter, int limit) {
        StringBuilder sql = new StringBuilder("SELECT d.message_id, d.recipient, m.type, m.sender, d.attempts,"
                + " d.last_error, d.updated_at FROM delivery d JOIN message m ON m.id = d.message_id WHERE d.status = ?");
        List<Object> arguments = new ArrayList<>(List.of(DeliveryStatus.DEAD.name()));
        if (filter.recipient() != null) {
            sql.append(" AND d.recipient = ?");
            arguments.add(filter.recipient());
        }
        if (filter.type() != null) {
            sql.append(" AND m.type = ?");
            arguments.add(filter.type());
        }
        if (filter.messageId() != null) {
            sql.append(" AND d.message_id = ?");
            arguments.add(filter.messageId());
        }
        sql.append(" ORDER BY d.updated_at, d.message_id LIMIT ?");
        arguments.add(limit);
        return Transactions.run(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < arguments.size(); i++) {
                    ps.setObject(i + 1, arguments.get(i));
                }
                List<DeadLetter> letters = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        letters.add(new DeadLetter(rs.getString(1), rs.getString(2),
                                MessageType.valueOf(rs.getString(3)).path(), rs.getString(4),
                                rs.getInt(5), rs.getString(6), inZone(rs.getObject(7, OffsetDateTime.class))));
                    }
                }
                return letters;
            }
        });
    }

    /**
     * Copies still on their way to {@code recipients}, per recipient (recipients with none are left out). Meaningful
     * for the recipients the hub delivers to itself: a participant reading its own queue leaves its copies QUEUED,
     * so counting those would walk every copy it was ever sent (millions after a busy day) on every check.
     */
    public Map<String, Long> backlog(Collection<String> recipients) {
        Map<String, Long> backlog = new LinkedHashMap<>();
        if (recipients.isEmpty()) {
            return backlog;
        }
        List<String> ids = List.copyOf(recipients);
        Statements.query(dataSource, "cannot count the backlog", "SELECT recipient, COUNT(*) FROM delivery"
                        + " WHERE recipient IN (" + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")"
                        + " AND status IN (?, ?) GROUP BY recipient ORDER BY recipient",
                ps -> {
                    for (int i = 0; i < ids.size(); i++) {
                        ps.setString(i + 1, ids.get(i));
                    }
                    ps.setString(ids.size() + 1, DeliveryStatus.QUEUED.name());
                    ps.setString(ids.size() + 2, DeliveryStatus.RETRYING.name());
                }, rs -> backlog.put(rs.getString(1), rs.getLong(2)));
        return backlog;
    }

    /** Dead letters waiting for an administrator, per recipient (recipients with none are left out). */
    public Map<String, Long> deadPerRecipient() {
        Map<String, Long> dead = new LinkedHashMap<>();
        Statements.query(dataSource, "cannot count dead letters",
                "SELECT recipient, COUNT(*) FROM delivery WHERE status = ? GROUP BY recipient ORDER BY recipient",
                ps -> ps.setString(1, DeliveryStatus.DEAD.name()), rs -> dead.put(rs.getString(1), rs.getLong(2)));
        return dead;
    }

    public List<DeliveryEvent> events(String messageId) {
        return Transactions.run(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT recipient, at, event, detail FROM delivery_event"
                    + " WHERE message_id = ? ORDER BY seq")) {
                ps.setString(1, messageId);
                List<DeliveryEvent> events = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        events.add(new DeliveryEvent(rs.getString(1), inZone(rs.getObject(2, OffsetDateTime.class)),
                                DeliveryEvent.Kind.valueOf(rs.getString(3)), rs.getString(4)));
                    }
                }
                return events;
            }
        });
    }

    private boolean change(String messageId, String recipient, List<DeliveryStatus> from, DeliveryStatus to,
                           DeliveryEvent.Kind kind, String detail, Change change) {
        return Transactions.run(dataSource, c -> {
            OffsetDateTime now = now();
            int changed;
            String set = switch (change) {
                case RECORD_REASON -> ", last_error = ?";
                case FRESH_ATTEMPTS -> ", attempts = 0";
                case STATUS_ONLY -> "";
            };
            try (PreparedStatement ps = c.prepareStatement("UPDATE delivery SET status = ?, updated_at = ?" + set
                    + " WHERE message_id = ? AND recipient = ? AND status IN ("
                    + String.join(", ", Collections.nCopies(from.size(), "?")) + ")")) {
                int i = 1;
                ps.setString(i++, to.name());
                ps.setObject(i++, now);
                if (change == Change.RECORD_REASON) {
                    ps.setString(i++, clip(detail));
                }
                ps.setString(i++, messageId);
                ps.setString(i++, recipient);
                for (DeliveryStatus status : from) {
                    ps.setString(i++, status.name());
                }
                changed = ps.executeUpdate();
            }
            if (changed > 0) {
                event(c, messageId, recipient, now, kind, detail);
            }
            return changed > 0;
        });
    }

    /** What a change of state does besides the status. */
    private enum Change { RECORD_REASON, FRESH_ATTEMPTS, STATUS_ONLY }

    private static void event(Connection c, String messageId, String recipient, OffsetDateTime at,
                              DeliveryEvent.Kind kind, String detail) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO delivery_event (message_id, recipient, at, event, detail)"
                + " VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, messageId);
            ps.setString(2, recipient);
            ps.setObject(3, at);
            ps.setString(4, kind.name());
            ps.setString(5, clip(detail));
            ps.executeUpdate();
        }
    }

    private static String clip(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 997) + "...";
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock.withZone(zone)).truncatedTo(ChronoUnit.MILLIS);
    }

    private OffsetDateTime inZone(OffsetDateTime time) {
        return time.atZoneSameInstant(zone).toOffsetDateTime();
    }
}
