package org.parkhub.journal;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import org.parkhub.model.Canonical;
import org.parkhub.model.CanonicalMapper;
import org.parkhub.model.Channel;
import org.parkhub.model.CorrelationKeys;
import org.parkhub.model.Envelope;
import org.parkhub.model.MessageType;

/**
 * The message journal. Accepting a batch writes its messages and their outbox entries in one transaction,
 * so a message is either journaled and due for publishing, or not there at all.
 */
public class Journal {

    private static final String ENVELOPE_COLUMNS = "m.id, m.type, m.schema_version, m.sender, m.received_at, m.channel,"
            + " m.source, m.order_no, m.sku, m.batch_no, m.logistics_no, m.pay_transaction_id, m.invt_no, m.payload";
    private static final String SELECT_ENVELOPE = "SELECT " + ENVELOPE_COLUMNS + " FROM message m";
    /**
     * The relay's poll: the outbox's oldest entries first, then their messages by key; joined plainly, H2 scanned
     * the whole journal on every poll (docs/decisions/0002).
     */
    static final String UNPUBLISHED = "SELECT o.seq, " + ENVELOPE_COLUMNS + " FROM (SELECT seq, message_id FROM outbox"
            + " ORDER BY seq FETCH FIRST ? ROWS ONLY) o JOIN message m ON m.id = o.message_id ORDER BY o.seq";
    /** Envelope and status: see {@link #entry}. */
    private static final String SELECT_MESSAGE = "SELECT " + ENVELOPE_COLUMNS + ", r.routed_at"
            + " FROM message m LEFT JOIN message_routed r ON r.message_id = m.id";

    /**
     * Message ids are UUIDs of version 7: they grow with time, so a batch of new messages lands at the end of the
     * journal's key and of its indexes (random ids touched pages all over them, and every commit rewrote those pages:
     * the benchmark's profile showed the journal's inserts and commits taking most of a file's time).
     */
    private static final TimeBasedEpochGenerator MESSAGE_IDS = Generators.timeBasedEpochGenerator();
    /** Callers' batches committed together at most (a big file's batch is 500 messages already). */
    private static final int MAX_GROUP = 64;

    private final DataSource dataSource;
    private final GroupCommit writes;
    private final Clock clock;
    private final ZoneId zone;

    public Journal(DataSource dataSource, Clock clock, ZoneId zone) {
        this.dataSource = dataSource;
        this.writes = new GroupCommit(dataSource, MAX_GROUP);
        this.clock = clock;
        this.zone = zone;
    }

    /** Work that must commit or roll back with a journaled batch, given the batch's envelopes. */
    @FunctionalInterface
    public interface SameTransaction {
        void run(Connection connection, List<Envelope> journaled) throws SQLException;
    }

    /** Journals a batch from one sender; the message ids are born here. */
    public List<Envelope> accept(String sender, Channel channel, List<Incoming> batch) {
        return accept(sender, channel, batch, (connection, journaled) -> { });
    }

    /** The same, with more work in the journal's transaction (an idempotency record, say). */
    public List<Envelope> accept(String sender, Channel channel, List<Incoming> batch, SameTransaction alsoDo) {
        OffsetDateTime now = now();
        List<Envelope> envelopes = new ArrayList<>(batch.size());
        for (Incoming incoming : batch) {
            envelopes.add(new Envelope(MESSAGE_IDS.generate().toString(), MessageType.of(incoming.payload()),
                    Canonical.SCHEMA_VERSION, sender, now, channel, incoming.source(),
                    CorrelationKeys.of(incoming.payload()), incoming.payload()));
        }
        // concurrent requests' batches share one commit
        writes.commit(c -> {
            try (PreparedStatement message = c.prepareStatement("INSERT INTO message (id, type, schema_version, sender,"
                    + " received_at, channel, source, order_no, sku, batch_no, logistics_no, pay_transaction_id, invt_no,"
                    + " payload, file_id, file_row) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement outbox = c.prepareStatement(
                         "INSERT INTO outbox (message_id, created_at) VALUES (?, ?)");
                 PreparedStatement keys = c.prepareStatement(
                         "INSERT INTO message_key (key_value, kind, message_id) VALUES (?, ?, ?)")) {
                for (int i = 0; i < envelopes.size(); i++) {
                    Envelope e = envelopes.get(i);
                    Incoming incoming = batch.get(i);
                    CorrelationKeys k = e.keys();
                    message.setString(1, e.messageId());
                    message.setString(2, e.type().name());
                    message.setString(3, e.schemaVersion());
                    message.setString(4, e.sender());
                    message.setObject(5, e.receivedAt());
                    message.setString(6, e.channel().code());
                    message.setString(7, e.source());
                    message.setString(8, k.orderNo());
                    message.setString(9, k.sku());
                    message.setString(10, k.batchNo());
                    message.setString(11, k.logisticsNo());
                    message.setString(12, k.payTransactionId());
                    message.setString(13, k.invtNo());
                    message.setString(14, CanonicalMapper.toJson(e.payload()));
                    message.setString(15, incoming.fileId());
                    message.setObject(16, incoming.fileRow());
                    message.addBatch();
                    outbox.setString(1, e.messageId());
                    outbox.setObject(2, now);
                    outbox.addBatch();
                    for (CorrelationKey key : CorrelationKey.values()) {
                        String value = key.valueIn(k);
                        if (value != null) {
                            keys.setString(1, value);
                            keys.setString(2, key.kind());
                            keys.setString(3, e.messageId());
                            keys.addBatch();
                        }
                    }
                }
                message.executeBatch();
                outbox.executeBatch();
                keys.executeBatch();
            }
            alsoDo.run(c, envelopes);
        });
        return envelopes;
    }

    public Optional<JournalEntry> find(String messageId) {
        return inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT_MESSAGE + " WHERE m.id = ?")) {
                ps.setString(1, messageId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(entry(rs, deliveries(c, messageId)));
                }
            }
        });
    }

    /** One page of a sender's messages, newest first, after the position {@code after} (null: from the newest). */
    public List<JournalEntry> sentBy(String sender, MessageType type, PagePosition after, int limit) {
        return search(new MessageQuery(null, null, type, sender, null, null, null), after, limit);
    }

    /**
     * What an administrator looks for: any of a message id, a correlation key value (order, logistics, payment,
     * inventory number, SKU or batch), a type, a sender, a status and a time range; null fields do not restrict.
     */
    public record MessageQuery(String messageId, String key, MessageType type, String sender, MessageStatus status,
                               OffsetDateTime from, OffsetDateTime to) {
    }

    /** One page of the messages matching the query, newest first, after {@code after} (null: from the newest). */
    public List<JournalEntry> search(MessageQuery query, PagePosition after, int limit) {
        StringBuilder sql = new StringBuilder(SELECT_MESSAGE + " WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        condition(sql, parameters, " AND m.id = ?", query.messageId());
        if (query.key() != null) {
            sql.append(" AND m.id IN (SELECT k.message_id FROM message_key k WHERE k.key_value = ?)");
            parameters.add(query.key());
        }
        condition(sql, parameters, " AND m.type = ?", query.type() == null ? null : query.type().name());
        condition(sql, parameters, " AND m.sender = ?", query.sender());
        if (query.status() != null) {
            sql.append(query.status() == MessageStatus.ROUTED ? " AND r.message_id IS NOT NULL" : " AND r.message_id IS NULL");
        }
        condition(sql, parameters, " AND m.received_at >= ?", query.from());
        condition(sql, parameters, " AND m.received_at < ?", query.to());
        if (after != null) {
            sql.append(" AND (m.received_at < ? OR (m.received_at = ? AND m.id < ?))");
            parameters.addAll(List.of(after.receivedAt(), after.receivedAt(), after.messageId()));
        }
        sql.append(" ORDER BY m.received_at DESC, m.id DESC FETCH FIRST ").append(limit).append(" ROWS ONLY");
        return Statements.query(dataSource, "cannot search the journal", sql.toString(), ps -> {
            for (int i = 0; i < parameters.size(); i++) {
                ps.setObject(i + 1, parameters.get(i));
            }
        }, rs -> entry(rs, List.of()));
    }

    private static void condition(StringBuilder sql, List<Object> parameters, String clause, Object value) {
        if (value != null) {
            sql.append(clause);
            parameters.add(value);
        }
    }

    /** Where a page of messages ends: the last message's time and id. */
    public record PagePosition(OffsetDateTime receivedAt, String messageId) {
    }

    /** The latest journaled message of a type with the given correlation key value. */
    public Optional<Envelope> latest(MessageType type, CorrelationKey key, String value) {
        if (value == null) {
            return Optional.empty();
        }
        return inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT_ENVELOPE + " JOIN message_key k ON k.message_id = m.id"
                    + " WHERE k.key_value = ? AND k.kind = ? AND m.type = ?"
                    + " ORDER BY m.received_at DESC, m.id FETCH FIRST 1 ROWS ONLY")) {
                ps.setString(1, value);
                ps.setString(2, key.kind());
                ps.setString(3, type.name());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(envelope(rs)) : Optional.empty();
                }
            }
        });
    }

    /** The messages already journaled from rows {@code fromRow..toRow} of an inbound file, by row. */
    public Map<Long, String> messagesOfFile(String fileId, long fromRow, long toRow) {
        return inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT file_row, id FROM message WHERE file_id = ? AND file_row BETWEEN ? AND ?")) {
                ps.setString(1, fileId);
                ps.setLong(2, fromRow);
                ps.setLong(3, toRow);
                Map<Long, String> rows = new HashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.put(rs.getLong(1), rs.getString(2));
                    }
                }
                return rows;
            }
        });
    }

    /** Messages journaled but not yet published to hub.events, oldest first. */
    public List<OutboxEntry> unpublished(int limit) {
        return inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(UNPUBLISHED)) {
                ps.setInt(1, limit);
                List<OutboxEntry> pending = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Envelope head = head(rs);
                        pending.add(new OutboxEntry(rs.getLong("seq"), head,
                                CanonicalMapper.toJson(head, rs.getString("payload"))));
                    }
                }
                return pending;
            }
        });
    }

    /** Clears the outbox entries (by their numbers) of messages now on hub.events. */
    public void published(List<OutboxEntry> entries) {
        inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM outbox WHERE seq = ?")) {
                for (OutboxEntry entry : entries) {
                    ps.setLong(1, entry.seq());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /**
     * Journals the routing decisions of a batch of messages in one transaction (one commit, not one per message)
     * and returns each message's recipients. Idempotent: a redelivered event finds the decision already made and
     * keeps it, so the copies it sends again are the same ones.
     */
    public Map<String, List<Recipient>> recordRouting(Map<String, List<Recipient>> decisions) {
        return inTransaction(c -> {
            Map<String, List<Recipient>> recorded = new LinkedHashMap<>();
            OffsetDateTime now = now();
            // read, not locked: a router that routes the same message meanwhile makes this batch's insert of its
            // routing fail on the key, and the batch is then routed message by message, finding the decision made
            try (PreparedStatement known = c.prepareStatement("SELECT r.message_id FROM message m"
                    + " LEFT JOIN message_routed r ON r.message_id = m.id WHERE m.id = ?");
                 PreparedStatement insert = c.prepareStatement("INSERT INTO delivery (message_id, recipient, rule, status,"
                         + " attempts, updated_at) VALUES (?, ?, ?, ?, 0, ?)");
                 PreparedStatement routed = c.prepareStatement(
                         "INSERT INTO message_routed (message_id, routed_at) VALUES (?, ?)")) {
                for (Map.Entry<String, List<Recipient>> decision : decisions.entrySet()) {
                    String messageId = decision.getKey();
                    known.setString(1, messageId);
                    try (ResultSet rs = known.executeQuery()) {
                        if (!rs.next()) {
                            throw new IllegalStateException("message " + messageId + " is not in the journal");
                        }
                        if (rs.getString(1) != null) {
                            recorded.put(messageId, deliveries(c, messageId).stream()
                                    .map(d -> new Recipient(d.recipient(), d.rule())).toList());
                            continue;
                        }
                    }
                    for (Recipient r : decision.getValue()) {
                        insert.setString(1, messageId);
                        insert.setString(2, r.participantId());
                        insert.setString(3, r.rule());
                        insert.setString(4, DeliveryStatus.QUEUED.name());
                        insert.setObject(5, now);
                        insert.addBatch();
                    }
                    routed.setString(1, messageId);
                    routed.setObject(2, now);
                    routed.addBatch();
                    recorded.put(messageId, decision.getValue());
                }
                routed.executeBatch();
                insert.executeBatch();
            }
            return recorded;
        });
    }

    private List<DeliveryState> deliveries(Connection c, String messageId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT recipient, rule, status, attempts, last_error, updated_at,"
                + " delivered_at FROM delivery WHERE message_id = ? ORDER BY recipient")) {
            ps.setString(1, messageId);
            List<DeliveryState> states = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    states.add(new DeliveryState(rs.getString("recipient"), rs.getString("rule"),
                            DeliveryStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
                            rs.getString("last_error"), inZone(rs.getObject("updated_at", OffsetDateTime.class)),
                            Optional.ofNullable(rs.getObject("delivered_at", OffsetDateTime.class)).map(this::inZone).orElse(null)));
                }
            }
            return states;
        }
    }

    /** A message read with {@link #SELECT_MESSAGE}: ROUTED since its routing was journaled, RECEIVED before. */
    private JournalEntry entry(ResultSet rs, List<DeliveryState> deliveries) throws SQLException {
        Envelope envelope = envelope(rs);
        OffsetDateTime routedAt = rs.getObject("routed_at", OffsetDateTime.class);
        return routedAt == null
                ? new JournalEntry(envelope, MessageStatus.RECEIVED, envelope.receivedAt(), deliveries)
                : new JournalEntry(envelope, MessageStatus.ROUTED, inZone(routedAt), deliveries);
    }

    private Envelope envelope(ResultSet rs) throws SQLException {
        Envelope head = head(rs);
        Record payload;
        try {
            payload = CanonicalMapper.json().readValue(rs.getString("payload"), head.type().payloadClass());
        } catch (IOException e) {
            throw new SQLException("journaled payload of " + head.messageId() + " is unreadable", e);
        }
        return new Envelope(head.messageId(), head.type(), head.schemaVersion(), head.sender(), head.receivedAt(),
                head.channel(), head.source(), head.keys(), payload);
    }

    /** The envelope without its payload. */
    private Envelope head(ResultSet rs) throws SQLException {
        return new Envelope(rs.getString("id"), MessageType.valueOf(rs.getString("type")), rs.getString("schema_version"),
                rs.getString("sender"), inZone(rs.getObject("received_at", OffsetDateTime.class)),
                channel(rs.getString("channel")), rs.getString("source"),
                new CorrelationKeys(rs.getString("order_no"), rs.getString("sku"), rs.getString("batch_no"),
                        rs.getString("logistics_no"), rs.getString("pay_transaction_id"), rs.getString("invt_no")),
                null);
    }

    private static Channel channel(String code) {
        for (Channel channel : Channel.values()) {
            if (channel.code().equals(code)) {
                return channel;
            }
        }
        throw new IllegalStateException("unknown channel " + code);
    }

    private OffsetDateTime now() {
        // the database keeps microseconds at most; journal what it can give back
        return OffsetDateTime.now(clock.withZone(zone)).truncatedTo(ChronoUnit.MILLIS);
    }

    private OffsetDateTime inZone(OffsetDateTime time) {
        return time.atZoneSameInstant(zone).toOffsetDateTime();
    }

    /** Runs work in a transaction of its own (for callers that journal nothing but must record something). */
    public void inTransaction(SameTransaction work) {
        inTransaction(c -> {
            work.run(c, List.of());
            return null;
        });
    }

    private <T> T inTransaction(Transactions.Work<T> work) {
        return Transactions.run(dataSource, work);
    }
}
