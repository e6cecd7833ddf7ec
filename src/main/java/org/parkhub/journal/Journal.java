package org.parkhub.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import org.parkhub.model.Canonical;
import org.parkhub.model.CanonicalMapper;
import org.parkhub.model.Channel;
import org.parkhub.model.CorrelationKeys;
import org.parkhub.model.DocumentAction;
import org.parkhub.model.Documents;
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
    /** How often a batch is decided at most when other nodes keep writing its documents first. */
    private static final int MAX_DECISIONS = 10;
    /** SQLSTATE of a unique key violation, the same on H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";
    /** Callers' batches committed together at most (a big file's batch is 500 messages already). */
    private static final int MAX_GROUP = 64;

    private final DataSource dataSource;
    private final GroupCommit writes;
    private final Clock clock;
    private final ZoneId zone;
    private final JournalRows rows;
    private final RevisionGate gate;

    public Journal(DataSource dataSource, Clock clock, ZoneId zone) {
        this(dataSource, clock, zone, RevisionGate.OPEN);
    }

    public Journal(DataSource dataSource, Clock clock, ZoneId zone, RevisionGate gate) {
        this.gate = gate;
        this.dataSource = dataSource;
        this.writes = new GroupCommit(dataSource, MAX_GROUP);
        this.clock = clock;
        this.zone = zone;
        this.rows = new JournalRows(zone);
    }

    /** Work that must commit or roll back with a journaled batch, given what became of each of its arrivals. */
    @FunctionalInterface
    public interface SameTransaction {
        void run(Connection connection, List<Journaled> outcome) throws SQLException;
    }

    /** One arrival of a batch, with what it is as a document, worked out before the journal's transaction. */
    private record Arrival(Incoming incoming, String messageId, MessageType type, String identity, String digest) {

        String document() {
            return DocumentIndex.keyOf(type, identity);
        }
    }

    /** Journals a batch from one sender; the message ids are born here. */
    public List<Journaled> accept(String sender, Channel channel, List<Incoming> batch) {
        return accept(sender, channel, batch, (connection, outcome) -> { });
    }

    /**
     * Journals a batch from one sender, each arrival as what it is to its document (see {@link Journaled}), with more
     * work in the same transaction (an idempotency record, say). The outcome is in the batch's order.
     */
    public List<Journaled> accept(String sender, Channel channel, List<Incoming> batch, SameTransaction alsoDo) {
        OffsetDateTime now = now();
        List<Arrival> arrivals = new ArrayList<>(batch.size());
        for (Incoming incoming : batch) {
            Record payload = incoming.payload();
            arrivals.add(new Arrival(incoming, MESSAGE_IDS.generate().toString(), MessageType.of(payload),
                    Documents.identity(payload), Documents.contentDigest(payload)));
        }
        List<Journaled> outcome = new ArrayList<>(batch.size());
        for (int attempt = 1; ; attempt++) {
            try {
                // concurrent requests' batches share one commit; a group that fails is written again alone, so the
                // documents are looked up afresh each time
                writes.commit(c -> {
                    outcome.clear();
                    outcome.addAll(decide(c, sender, channel, now, arrivals));
                    alsoDo.run(c, outcome);
                });
                return List.copyOf(outcome);
            } catch (JournalException e) {
                // another node wrote one of these documents first: decide again against what it wrote, after a
                // pause of random length, so that two nodes that keep meeting on one document fall out of step
                if (attempt == MAX_DECISIONS || !documentRace(e)) {
                    throw e;
                }
                pauseBeforeDeciding(attempt);
            }
        }
    }

    private static void pauseBeforeDeciding(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 2L + 2L * attempt));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new JournalException("interrupted while deciding a batch again", interrupted);
        }
    }

    /** A document written meanwhile by another transaction: its first revision (a unique key), or a later one. */
    private static boolean documentRace(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DocumentIndex.Conflict) {
                return true;
            }
            // the document table's key (PostgreSQL names it document_pkey, H2 the table): not another table's
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState()) && sql.getMessage() != null
                    && sql.getMessage().toLowerCase(Locale.ROOT).contains("document")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Each arrival against its document's current revision (read by identity, a statement per type): unknown is a new
     * document, the same content a duplicate, other content the next revision, a cancellation the last one. Refused:
     * another sender's document, a cancelled document, a cancellation of an unknown one, and a revision the gate
     * closes. Arrivals of one document in one batch are taken in order. Writes what is new.
     */
    private List<Journaled> decide(Connection c, String sender, Channel channel, OffsetDateTime now, List<Arrival> arrivals)
            throws SQLException {
        Map<MessageType, Set<String>> wanted = new EnumMap<>(MessageType.class);
        arrivals.forEach(a -> wanted.computeIfAbsent(a.type(), t -> new HashSet<>()).add(a.identity()));
        Map<String, DocumentIndex.Current> current = new HashMap<>();
        Map<String, String> closed = new HashMap<>();
        for (Map.Entry<MessageType, Set<String>> type : wanted.entrySet()) {
            Map<String, DocumentIndex.Current> known = DocumentIndex.find(c, type.getKey(), type.getValue());
            known.forEach((identity, document) -> current.put(document.key(), document));
            if (!known.isEmpty()) {
                gate.closed(c, type.getKey(), known.keySet())
                        .forEach((identity, why) -> closed.put(DocumentIndex.keyOf(type.getKey(), identity), why));
            }
        }
        List<Journaled> outcome = new ArrayList<>(arrivals.size());
        List<Arrival> toWrite = new ArrayList<>();
        List<Envelope> envelopes = new ArrayList<>();
        Map<String, DocumentIndex.Current> created = new LinkedHashMap<>();
        Map<String, DocumentIndex.Current> revised = new LinkedHashMap<>();
        List<DocumentIndex.Arrival> duplicates = new ArrayList<>();
        for (Arrival a : arrivals) {
            DocumentIndex.Current known = current.get(a.document());
            boolean cancels = a.incoming().cancels();
            Optional<Journaled> refused = refusal(a, known, sender, closed.get(a.document()));
            if (refused.isPresent()) {
                outcome.add(refused.get());
            } else if (known != null && (known.cancelled() || !cancels && known.digest().equals(a.digest()))) {
                // the same content again, or a cancellation of a cancelled document: what is there answers it
                outcome.add(Journaled.duplicateOf(known.messageId()));
                duplicates.add(new DocumentIndex.Arrival(known, sender, channel.code(), a.incoming().source()));
            } else {
                int revision = known == null ? 1 : known.revision() + 1;
                DocumentAction action = cancels ? DocumentAction.CANCEL : DocumentAction.ofRevision(revision);
                Envelope envelope = new Envelope(a.messageId(), a.type(), Canonical.SCHEMA_VERSION, sender, now, channel,
                        a.incoming().source(), CorrelationKeys.of(a.incoming().payload()), revision,
                        known == null ? null : known.messageId(), action, a.incoming().payload());
                DocumentIndex.Current next = known == null
                        ? DocumentIndex.Current.first(a.type(), a.identity(), a.messageId(), a.digest(), sender)
                        : known.next(a.messageId(), a.digest(), cancels, sender);
                // a document is written once per batch, as its last revision in the batch
                (next.stored() == 0 ? created : revised).put(a.document(), next);
                current.put(a.document(), next);
                outcome.add(Journaled.journaled(known == null ? Journaled.Disposition.NEW : Journaled.Disposition.REVISION,
                        envelope));
                toWrite.add(a);
                envelopes.add(envelope);
            }
        }
        writeMessages(c, toWrite, envelopes, now);
        DocumentIndex.write(c, List.copyOf(created.values()), List.copyOf(revised.values()), now);
        DocumentIndex.arrived(c, duplicates, now);
        return outcome;
    }

    /** Why an arrival may not be taken, given its document as the batch has it so far and what the gate closed. */
    private static Optional<Journaled> refusal(Arrival a, DocumentIndex.Current known, String sender, String closedBecause) {
        String document = a.type().path() + " " + a.identity();
        if (known == null) {
            return a.incoming().cancels()
                    ? Optional.of(Journaled.refused("UNKNOWN_DOCUMENT", "there is no " + document + " to cancel"))
                    : Optional.empty();
        }
        // a draft the hub assembled for a firm (a declaration for its broker) is the firm's to confirm or mend
        if (!known.sender().equals(sender) && !known.sender().equals(Envelope.HUB_SENDER)) {
            return Optional.of(Journaled.refused("NOT_YOUR_DOCUMENT", document + " was sent by " + known.sender()
                    + "; only its sender may send it again"));
        }
        if (known.cancelled()) {
            return a.incoming().cancels() ? Optional.empty() : Optional.of(Journaled.refused("DOCUMENT_CANCELLED",
                    document + " was cancelled by message " + known.messageId() + "; it takes no more revisions"));
        }
        boolean unchanged = !a.incoming().cancels() && known.digest().equals(a.digest());
        if (closedBecause != null && !unchanged) {
            return Optional.of(Journaled.refused("REVISION_REFUSED", document + " takes no more revisions: "
                    + closedBecause));
        }
        return Optional.empty();
    }

    /** The messages, their outbox entries and correlation keys, each a batched statement. */
    private static void writeMessages(Connection c, List<Arrival> arrivals, List<Envelope> envelopes, OffsetDateTime now)
            throws SQLException {
        if (envelopes.isEmpty()) {
            return;
        }
        try (PreparedStatement message = c.prepareStatement("INSERT INTO message (id, type, schema_version, sender,"
                + " received_at, channel, source, order_no, sku, batch_no, logistics_no, pay_transaction_id, invt_no,"
                + " payload, file_id, file_row, identity, revision, supersedes, doc_action)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement outbox = c.prepareStatement(
                     "INSERT INTO outbox (message_id, created_at) VALUES (?, ?)");
             PreparedStatement keys = c.prepareStatement(
                     "INSERT INTO message_key (key_value, kind, message_id) VALUES (?, ?, ?)")) {
            for (int i = 0; i < envelopes.size(); i++) {
                Envelope e = envelopes.get(i);
                Arrival arrival = arrivals.get(i);
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
                message.setString(15, arrival.incoming().fileId());
                message.setObject(16, arrival.incoming().fileRow());
                message.setString(17, arrival.identity());
                message.setInt(18, e.revision());
                message.setString(19, e.supersedes());
                message.setString(20, e.action().name());
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
    }

    /**
     * The revisions of a document, oldest first, each with its copies' states; empty when the journal holds no such
     * document. Follows the current revision's {@code supersedes} back to the first.
     */
    public List<JournalEntry> revisions(MessageType type, String identity) {
        return inTransaction(c -> {
            String current;
            try (PreparedStatement ps = c.prepareStatement("SELECT message_id FROM document WHERE doc_key = ?")) {
                ps.setString(1, DocumentIndex.keyOf(type, identity));
                try (ResultSet rs = ps.executeQuery()) {
                    current = rs.next() ? rs.getString(1) : null;
                }
            }
            List<JournalEntry> revisions = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(SELECT_MESSAGE + " WHERE m.id = ?")) {
                for (String id = current; id != null; ) {
                    ps.setString(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            break;
                        }
                        JournalEntry entry = entry(rs, rows.deliveries(c, id));
                        revisions.add(0, entry);
                        id = entry.envelope().supersedes();
                    }
                }
            }
            return revisions;
        });
    }

    /** A document's current revision (its cancellation, if it was cancelled), with its copies' states. */
    public Optional<JournalEntry> currentRevision(MessageType type, String identity) {
        return inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT_MESSAGE
                    + " WHERE m.id = (SELECT d.message_id FROM document d WHERE d.doc_key = ?)")) {
                ps.setString(1, DocumentIndex.keyOf(type, identity));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(entry(rs, rows.deliveries(c, rs.getString("id")))) : Optional.empty();
                }
            }
        });
    }

    /**
     * Documents of a type (null: any) whose identity contains {@code text} (null: any), the last changed first, at
     * most {@code limit}: what an administrator finds from part of an identity (an order number without its platform).
     */
    public List<DocumentSummary> documents(MessageType type, String text, int limit) {
        StringBuilder sql = new StringBuilder("SELECT type, identity, state, revision, message_id, sender, updated_at"
                + " FROM document WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        condition(sql, parameters, " AND type = ?", type == null ? null : type.name());
        condition(sql, parameters, " AND identity LIKE ? ESCAPE '\\'", text == null ? null
                : "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        sql.append(" ORDER BY updated_at DESC, doc_key FETCH FIRST ").append(limit).append(" ROWS ONLY");
        return Statements.query(dataSource, "cannot list documents", sql.toString(), ps -> {
            for (int i = 0; i < parameters.size(); i++) {
                ps.setObject(i + 1, parameters.get(i));
            }
        }, rs -> new DocumentSummary(MessageType.valueOf(rs.getString("type")).path(), rs.getString("identity"),
                rs.getString("state").toLowerCase(Locale.ROOT), rs.getInt("revision"), rs.getString("message_id"),
                rs.getString("sender"), rows.inZone(rs.getObject("updated_at", OffsetDateTime.class))));
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
