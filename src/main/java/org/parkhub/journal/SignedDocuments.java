package org.parkhub.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * Where signed customs documents are kept: written in the transaction that journals their messages (so a message
 * read from a signed document always has it), once per document; read for whoever may see a message.
 */
public final class SignedDocuments {

    private final DataSource dataSource;

    public SignedDocuments(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Keeps the document (if not kept already) and ties each journaled message to it. */
    public static void keep(Connection c, SignedDocument document, String sender, OffsetDateTime receivedAt,
            Collection<String> messageIds) throws SQLException {
        if (messageIds.isEmpty()) {
            return;
        }
        boolean known;
        try (PreparedStatement find = c.prepareStatement("SELECT 1 FROM signed_document WHERE sha256 = ?")) {
            find.setString(1, document.sha256());
            try (ResultSet rs = find.executeQuery()) {
                known = rs.next();
            }
        }
        if (!known) {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO signed_document"
                    + " (sha256, sender, received_at, signature, verdict, document) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, document.sha256());
                insert.setString(2, sender);
                insert.setObject(3, receivedAt);
                insert.setString(4, document.signature());
                insert.setString(5, document.verdict());
                insert.setString(6, document.document());
                insert.executeUpdate();
            }
        }
        try (PreparedStatement link = c.prepareStatement("INSERT INTO message_evidence (message_id, sha256) VALUES (?, ?)")) {
            for (String id : messageIds) {
                link.setString(1, id);
                link.setString(2, document.sha256());
                link.addBatch();
            }
            link.executeBatch();
        }
    }

    /** The signed document a message was read from, if it was read from one. */
    public Optional<SignedDocument> ofMessage(String messageId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT d.sha256, d.document, d.signature, d.verdict"
                     + " FROM message_evidence e JOIN signed_document d ON d.sha256 = e.sha256 WHERE e.message_id = ?")) {
            ps.setString(1, messageId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new SignedDocument(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new JournalException("cannot read the signed document of message " + messageId, e);
        }
    }
}
