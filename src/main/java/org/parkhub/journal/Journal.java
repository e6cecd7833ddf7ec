package org.parkhub.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
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
 * The message journal. Accepting a batch writes its messages, their correlation keys and their outbox entries in
 * one transaction, so a message is either journaled and due for publishing, or not there at all. The outbox is
 * read by {@link Outbox}, routing decisions are written by {@link RoutingRecords}.
 */
public class Journal {

    private static final String SELECT_ENVELOPE = "SELECT " + JournalRows.ENVELOPE_COLUMNS + " FROM message m";
    /** Envelope and status: see {@link #entry}. */
    private static final String SELECT_MESSAGE = "SELECT " + JournalRows.ENVELOPE_COLUMNS + ", r.routed_at"
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
    private final JournalRows rows;

    public Journal(DataSource dataSource, Clock clock, ZoneId zone) {
        this.dataSource = dataSource;
        this.writes = new GroupCommit(dataSource, MAX_GROUP);
        this.clock = clock;
        this.zone = zone;
        this.rows = new JournalRows(zone);
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
                    return Optional.of(entry(rs, rows.deliveries(c, messageId)));
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
                    return rs.next() ? Optional.of(rows.envelope(rs)) : Optional.empty();
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

    /** A message read with {@link #SELECT_MESSAGE}: ROUTED since its routing was journaled, RECEIVED before. */
    private JournalEntry entry(ResultSet rs, List<DeliveryState> deliveries) throws SQLException {
        Envelope envelope = rows.envelope(rs);
        OffsetDateTime routedAt = rs.getObject("routed_at", OffsetDateTime.class);
        return routedAt == null
                ? new JournalEntry(envelope, MessageStatus.RECEIVED, envelope.receivedAt(), deliveries)
                : new JournalEntry(envelope, MessageStatus.ROUTED, rows.inZone(routedAt), deliveries);
    }

    private OffsetDateTime now() {
        return JournalRows.now(clock, zone);
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
