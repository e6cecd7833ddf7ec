package org.parkhub.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.parkhub.model.MessageType;

/**
 * The documents the journal knows, one row per type and identity pointing at the current revision's message. Read
 * and written only inside the journal's transaction, and guarded by the database rather than by the read: the primary
 * key refuses a second first revision, and a revision is written only over the revision it was decided against
 * ({@link Conflict} otherwise), so two arrivals of one document decided at once (on two nodes) can never both stand;
 * the journal decides the loser again. Rows are not locked when read: on one node the journal's writes are one at
 * a time already, and H2's row locks were measured too dear (docs/decisions/0010).
 */
final class DocumentIndex {

    /** Identities read per statement. */
    private static final int CHUNK = 500;

    /** Whether a document takes revisions; a cancelled one takes none. */
    enum State { ACTIVE, CANCELLED }

    /**
     * A document's current revision and state; {@code stored} is the revision the database holds for it (0: none
     * yet), which a write replaces.
     */
    record Current(MessageType type, String identity, String messageId, int revision, String digest, String sender,
                   State state, int stored) {

        /** A document's first revision, not stored yet. */
        static Current first(MessageType type, String identity, String messageId, String digest, String sender) {
            return new Current(type, identity, messageId, 1, digest, sender, State.ACTIVE, 0);
        }

        /**
         * The next revision, by {@code by}, over what the database holds; a cancellation is the last. A document the hub
         * drafted becomes the firm's that revises it (Journal#refusal).
         */
        Current next(String nextMessageId, String nextDigest, boolean cancels, String by) {
            return new Current(type, identity, nextMessageId, revision + 1, nextDigest, by,
                    cancels ? State.CANCELLED : State.ACTIVE, stored);
        }

        boolean cancelled() {
            return state == State.CANCELLED;
        }

        String key() {
            return keyOf(type, identity);
        }
    }

    /** The document's key: its type and identity, as one column. */
    static String keyOf(MessageType type, String identity) {
        return type.name() + ":" + identity;
    }

    private DocumentIndex() {
    }

    /** The current revisions of the given documents of a type, by identity; those unknown are absent. */
    static Map<String, Current> find(Connection c, MessageType type, Collection<String> identities) throws SQLException {
        Map<String, Current> found = new HashMap<>();
        List<String> all = new ArrayList<>(identities);
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement ps = c.prepareStatement("SELECT identity, message_id, revision, content_sha256,"
                    + " sender, state FROM document WHERE doc_key IN (" + marks + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, keyOf(type, chunk.get(i)));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.put(rs.getString(1), new Current(type, rs.getString(1), rs.getString(2), rs.getInt(3),
                                rs.getString(4), rs.getString(5), State.valueOf(rs.getString(6)), rs.getInt(3)));
                    }
                }
            }
        }
        return found;
    }

    /** A document another transaction changed after this one read it: the batch is decided again. */
    static final class Conflict extends SQLException {

        private static final long serialVersionUID = 1L;

        Conflict(String document) {
            super("document " + document + " changed while it was being revised", "40001");
        }
    }

    /**
     * Writes the documents a batch created (first revisions) and moved on (later revisions, each over the revision
     * the database held when it was read).
     */
    static void write(Connection c, List<Current> created, List<Current> revised, OffsetDateTime now) throws SQLException {
        if (!created.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO document (doc_key, type, identity, message_id,"
                    + " revision, content_sha256, state, sender, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Current d : created) {
                    ps.setString(1, d.key());
                    ps.setString(2, d.type().name());
                    ps.setString(3, d.identity());
                    ps.setString(4, d.messageId());
                    ps.setInt(5, d.revision());
                    ps.setString(6, d.digest());
                    ps.setString(7, d.state().name());
                    ps.setString(8, d.sender());
                    ps.setObject(9, now);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        if (!revised.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE document SET message_id = ?, revision = ?,"
                    + " content_sha256 = ?, state = ?, sender = ?, updated_at = ? WHERE doc_key = ? AND revision = ?")) {
                for (Current d : revised) {
                    ps.setString(1, d.messageId());
                    ps.setInt(2, d.revision());
                    ps.setString(3, d.digest());
                    ps.setString(4, d.state().name());
                    ps.setString(5, d.sender());
                    ps.setObject(6, now);
                    ps.setString(7, d.key());
                    ps.setInt(8, d.stored());
                    ps.addBatch();
                }
                int[] updated = ps.executeBatch();
                for (int i = 0; i < updated.length; i++) {
                    if (updated[i] == 0) {
                        throw new Conflict(revised.get(i).key());
                    }
                }
            }
        }
    }

    /** An arrival that was the current revision again. */
    record Arrival(Current document, String sender, String channel, String source) {
    }

    /** Records who sent a document again, unchanged, and when (the audit trail of duplicates). */
    static void arrived(Connection c, List<Arrival> arrivals, OffsetDateTime now) throws SQLException {
        if (arrivals.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO document_arrival (type, identity, message_id, sender,"
                + " channel, source, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (Arrival a : arrivals) {
                ps.setString(1, a.document().type().name());
                ps.setString(2, a.document().identity());
                ps.setString(3, a.document().messageId());
                ps.setString(4, a.sender());
                ps.setString(5, a.channel());
                ps.setString(6, a.source());
                ps.setObject(7, now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
