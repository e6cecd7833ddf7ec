package org.parkhub.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;

import javax.sql.DataSource;

import org.parkhub.journal.JournalException;
import org.parkhub.model.CanonicalMapper;

/** The outcomes of keyed requests, per sender and key, kept with the hash of the body they answered. */
public class IdempotencyKeys {

    /** A request seen before: the hash of its body and its outcome. */
    public record Seen(String bodySha256, MessageIntake.Outcome outcome) {
    }

    private final DataSource dataSource;

    public IdempotencyKeys(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<Seen> find(String participant, String key) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT body_sha256, outcome FROM idempotency_key WHERE participant = ? AND request_key = ?")) {
            ps.setString(1, participant);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Seen(rs.getString(1),
                        CanonicalMapper.json().readValue(rs.getString(2), MessageIntake.Outcome.class)));
            }
        } catch (SQLException e) {
            throw new JournalException("cannot read idempotency key", e);
        } catch (IOException e) {
            throw new UncheckedIOException("stored outcome unreadable", e);
        }
    }

    /** Records the outcome in the caller's transaction; a concurrent twin with the same key makes it fail. */
    void record(Connection c, String participant, String key, String bodySha256, MessageIntake.Outcome outcome)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO idempotency_key (participant, request_key,"
                + " body_sha256, outcome, created_at) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, participant);
            ps.setString(2, key);
            ps.setString(3, bodySha256);
            ps.setString(4, CanonicalMapper.toJson(outcome));
            ps.setObject(5, OffsetDateTime.now());
            ps.executeUpdate();
        }
    }
}
