package db.migration;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.parkhub.model.CanonicalMapper;
import org.parkhub.model.Documents;
import org.parkhub.model.MessageType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the document index (V15) from a journal written before documents existed, in the order messages were
 * journaled: a document's first message is its revision 1, a later one with other content its next revision
 * (superseding the one before), and a later one with the same content a duplicate: it stays in the journal (it was
 * routed then) as a re-send of the revision it repeats, and its arrival is recorded. A page of messages at a time,
 * so a journal of millions fits in a small heap; nothing is deleted.
 */
public class V16__document_index extends BaseJavaMigration {

    private static final Logger LOG = LoggerFactory.getLogger(V16__document_index.class);
    private static final int PAGE = 1000;

    /** A document's current revision while the journal is read. */
    private record Current(String messageId, int revision, String digest) {
    }

    /** One journaled message, read back. */
    private record Row(String id, MessageType type, String sender, OffsetDateTime receivedAt, String channel,
                       String source, String identity, String digest) {

        String document() {
            return type.name() + ":" + identity;
        }
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        long messages = 0;
        OffsetDateTime afterTime = null;
        String afterId = null;
        for (List<Row> page = page(c, afterTime, afterId); !page.isEmpty(); page = page(c, afterTime, afterId)) {
            index(c, page);
            messages += page.size();
            afterTime = page.get(page.size() - 1).receivedAt();
            afterId = page.get(page.size() - 1).id();
        }
        if (messages > 0) {
            LOG.info("documents: indexed {} journaled messages", messages);
        }
    }

    private static List<Row> page(Connection c, OffsetDateTime afterTime, String afterId) throws SQLException {
        String after = afterTime == null ? "" : " WHERE received_at > ? OR (received_at = ? AND id > ?)";
        try (PreparedStatement ps = c.prepareStatement("SELECT id, type, sender, received_at, channel, source, payload"
                + " FROM message" + after + " ORDER BY received_at, id FETCH FIRST " + PAGE + " ROWS ONLY")) {
            if (afterTime != null) {
                ps.setObject(1, afterTime);
                ps.setObject(2, afterTime);
                ps.setString(3, afterId);
            }
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    MessageType type = MessageType.valueOf(rs.getString("type"));
                    String id = rs.getString("id");
                    String identity;
                    String digest;
                    try {
                        Record payload = CanonicalMapper.json().readValue(rs.getString("payload"), type.payloadClass());
                        identity = Documents.identity(payload);
                        digest = Documents.contentDigest(payload);
                    } catch (IOException unreadable) {
                        // kept as a document of its own, so it can never be mistaken for another
                        LOG.warn("documents: message {} cannot be read as {} ({}); it stays a document of its own", id,
                                type.path(), unreadable.getMessage());
                        identity = "unreadable:" + id;
                        digest = id;
                    }
                    rows.add(new Row(id, type, rs.getString("sender"), rs.getObject("received_at", OffsetDateTime.class),
                            rs.getString("channel"), rs.getString("source"), identity, digest));
                }
            }
            return rows;
        }
    }

    private static void index(Connection c, List<Row> page) throws SQLException {
        Map<String, Current> current = new HashMap<>();
        try (PreparedStatement find = c.prepareStatement(
                "SELECT message_id, revision, content_sha256 FROM document WHERE doc_key = ?")) {
            for (Row row : page) {
                if (!current.containsKey(row.document())) {
                    find.setString(1, row.document());
                    try (ResultSet rs = find.executeQuery()) {
                        current.put(row.document(), rs.next() ? new Current(rs.getString(1), rs.getInt(2), rs.getString(3))
                                : null);
                    }
                }
            }
        }
        try (PreparedStatement message = c.prepareStatement(
                "UPDATE message SET identity = ?, revision = ?, supersedes = ? WHERE id = ?");
             PreparedStatement insert = c.prepareStatement("INSERT INTO document (doc_key, type, identity, message_id,"
                     + " revision, content_sha256, state, sender, updated_at) VALUES (?, ?, ?, ?, 1, ?, 'ACTIVE', ?, ?)");
             PreparedStatement update = c.prepareStatement("UPDATE document SET message_id = ?, revision = ?,"
                     + " content_sha256 = ?, updated_at = ? WHERE doc_key = ?");
             PreparedStatement arrival = c.prepareStatement("INSERT INTO document_arrival (type, identity, message_id,"
                     + " sender, channel, source, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (Row row : page) {
                Current known = current.get(row.document());
                if (known == null) {
                    message(message, row, 1, null);
                    insert.setString(1, row.document());
                    insert.setString(2, row.type().name());
                    insert.setString(3, row.identity());
                    insert.setString(4, row.id());
                    insert.setString(5, row.digest());
                    insert.setString(6, row.sender());
                    insert.setObject(7, row.receivedAt());
                    insert.executeUpdate(); // one at a time: a later row of the page may revise it
                    current.put(row.document(), new Current(row.id(), 1, row.digest()));
                } else if (known.digest().equals(row.digest())) {
                    message(message, row, known.revision(), null);
                    arrival.setString(1, row.type().name());
                    arrival.setString(2, row.identity());
                    arrival.setString(3, known.messageId());
                    arrival.setString(4, row.sender());
                    arrival.setString(5, row.channel());
                    arrival.setString(6, row.source());
                    arrival.setObject(7, row.receivedAt());
                    arrival.addBatch();
                } else {
                    int revision = known.revision() + 1;
                    message(message, row, revision, known.messageId());
                    update.setString(1, row.id());
                    update.setInt(2, revision);
                    update.setString(3, row.digest());
                    update.setObject(4, row.receivedAt());
                    update.setString(5, row.document());
                    update.executeUpdate();
                    current.put(row.document(), new Current(row.id(), revision, row.digest()));
                }
            }
            message.executeBatch();
            arrival.executeBatch();
        }
    }

    private static void message(PreparedStatement message, Row row, int revision, String supersedes) throws SQLException {
        message.setString(1, row.identity());
        message.setInt(2, revision);
        message.setString(3, supersedes);
        message.setString(4, row.id());
        message.addBatch();
    }
}
