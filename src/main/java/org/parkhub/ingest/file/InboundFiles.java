package org.parkhub.ingest.file;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.parkhub.journal.JournalException;
import org.parkhub.journal.Statements;

/**
 * The durable record of inbound files: one row per (participant, file name, content hash), so that the same
 * file sent twice is answered DUPLICATE and a file cut off by a crash is resumed; and the FTP uploads in
 * progress, so that one cut off by a crash is recognised as incomplete.
 */
public class InboundFiles {

    /** What a claim found: a new file, one whose processing was interrupted, or one already processed. */
    public enum ClaimStatus { NEW, RESUMED, DUPLICATE }

    public record Claim(String fileId, ClaimStatus status, OffsetDateTime firstReceivedAt) {
    }

    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;

    public InboundFiles(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Claim claim(String participant, String fileName, String folder, String sha256) {
        String id = UUID.randomUUID().toString();
        OffsetDateTime now = OffsetDateTime.now();
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("INSERT INTO inbound_file (id, participant, file_name,"
                     + " type_folder, sha256, status, received_at) VALUES (?, ?, ?, ?, ?, 'PROCESSING', ?)")) {
            insert.setString(1, id);
            insert.setString(2, participant);
            insert.setString(3, fileName);
            insert.setString(4, folder);
            insert.setString(5, sha256);
            insert.setObject(6, now);
            insert.executeUpdate();
            return new Claim(id, ClaimStatus.NEW, now);
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new JournalException("cannot record inbound file " + fileName, e);
            }
        }
        return existing(participant, fileName, sha256);
    }

    private Claim existing(String participant, String fileName, String sha256) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT id, status, received_at FROM inbound_file"
                     + " WHERE participant = ? AND file_name = ? AND sha256 = ?")) {
            ps.setString(1, participant);
            ps.setString(2, fileName);
            ps.setString(3, sha256);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("inbound file " + fileName + " vanished while claimed");
                }
                ClaimStatus status = "DONE".equals(rs.getString(2)) ? ClaimStatus.DUPLICATE : ClaimStatus.RESUMED;
                return new Claim(rs.getString(1), status, rs.getObject(3, OffsetDateTime.class));
            }
        } catch (SQLException e) {
            throw new JournalException("cannot read inbound file " + fileName, e);
        }
    }

    /**
     * A file as the console lists it: its progress while it is processed, its counts once done; a file answered
     * without being read has status REFUSED, DUPLICATE or INCOMPLETE and the reason.
     */
    public record FileRow(String id, String participant, String fileName, String folder, String status,
                          OffsetDateTime receivedAt, OffsetDateTime finishedAt, Integer rowsDone, Integer rowsTotal,
                          Integer accepted, Integer rejected, String receiptName, String reason) {
    }

    private static final String FILES = "SELECT id, participant, file_name, type_folder, status, received_at, finished_at,"
            + " rows_done, rows_total, rows_accepted, rows_rejected, receipt_name, CAST(NULL AS VARCHAR(1000)) AS reason"
            + " FROM inbound_file UNION ALL SELECT id, participant, file_name, type_folder, status, received_at, received_at,"
            + " NULL, NULL, 0, NULL, receipt_name, reason FROM refused_file";

    /** The newest files first (of one participant when given), those received before {@code before} when given. */
    public List<FileRow> recent(String participant, OffsetDateTime before, int limit) {
        return Statements.query(dataSource, "cannot list inbound files", "SELECT * FROM (" + FILES + ") f"
                        + " WHERE (CAST(? AS VARCHAR(32)) IS NULL OR participant = ?) AND received_at < ?"
                        + " ORDER BY received_at DESC, id FETCH FIRST " + limit + " ROWS ONLY",
                ps -> {
                    ps.setString(1, participant);
                    ps.setString(2, participant);
                    ps.setObject(3, before == null ? OffsetDateTime.now().plusYears(1) : before);
                }, InboundFiles::fileRow);
    }

    public Optional<FileRow> byId(String id) {
        return Statements.query(dataSource, "cannot read inbound file " + id, "SELECT * FROM (" + FILES + ") f WHERE id = ?",
                ps -> ps.setString(1, id), InboundFiles::fileRow).stream().findFirst();
    }

    /** A file answered without being read: {@code status} REFUSED, DUPLICATE or INCOMPLETE, and why. */
    public void refused(String participant, String fileName, String folder, String status, String receiptName,
                        String reason) {
        update("INSERT INTO refused_file (id, participant, file_name, type_folder, status, received_at, receipt_name, reason)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
                    ps.setString(1, UUID.randomUUID().toString());
                    ps.setString(2, participant);
                    ps.setString(3, fileName);
                    ps.setString(4, folder);
                    ps.setString(5, status);
                    ps.setObject(6, OffsetDateTime.now());
                    ps.setString(7, receiptName);
                    ps.setString(8, reason.length() <= 1000 ? reason : reason.substring(0, 1000));
                });
    }

    private static FileRow fileRow(ResultSet rs) throws SQLException {
        return new FileRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getObject(6, OffsetDateTime.class), rs.getObject(7, OffsetDateTime.class), (Integer) rs.getObject(8),
                (Integer) rs.getObject(9), (Integer) rs.getObject(10), (Integer) rs.getObject(11), rs.getString(12),
                rs.getString(13));
    }

    /** How many files of each participant were taken in (a file refused before it was read is not counted). */
    public Map<String, Long> countPerParticipant() {
        Map<String, Long> counts = new HashMap<>();
        Statements.query(dataSource, "cannot count inbound files", "SELECT participant, COUNT(*) FROM inbound_file GROUP BY participant",
                ps -> { }, rs -> counts.put(rs.getString(1), rs.getLong(2)));
        return counts;
    }

    /** Processing starts: about {@code rowsTotal} rows to read, when that can be told from the file. */
    public void started(String fileId, Integer rowsTotal) {
        update("UPDATE inbound_file SET rows_done = 0, rows_accepted = 0, rows_rejected = 0, rows_total = ? WHERE id = ?", ps -> {
            ps.setObject(1, rowsTotal);
            ps.setString(2, fileId);
        });
    }

    /** Rows read so far, for the console's live view of a file being processed. */
    public void progress(String fileId, int accepted, int rejected) {
        update("UPDATE inbound_file SET rows_done = ?, rows_accepted = ?, rows_rejected = ? WHERE id = ?", ps -> {
            ps.setInt(1, accepted + rejected);
            ps.setInt(2, accepted);
            ps.setInt(3, rejected);
            ps.setString(4, fileId);
        });
    }

    public void finish(String fileId, int accepted, int rejected, String receiptName) {
        update("UPDATE inbound_file SET status = 'DONE', finished_at = ?, rows_done = ?, rows_accepted = ?, rows_rejected = ?,"
                + " receipt_name = ? WHERE id = ?", ps -> {
                    ps.setObject(1, OffsetDateTime.now());
                    ps.setInt(2, accepted + rejected);
                    ps.setInt(3, accepted);
                    ps.setInt(4, rejected);
                    ps.setString(5, receiptName);
                    ps.setString(6, fileId);
                });
    }

    public void uploadStarted(String path, String participant) {
        update("DELETE FROM ftp_upload WHERE path = ?", ps -> ps.setString(1, path));
        update("INSERT INTO ftp_upload (path, participant, started_at) VALUES (?, ?, ?)", ps -> {
            ps.setString(1, path);
            ps.setString(2, participant);
            ps.setObject(3, OffsetDateTime.now());
        });
    }

    public void uploadEnded(String path) {
        update("DELETE FROM ftp_upload WHERE path = ?", ps -> ps.setString(1, path));
    }

    public boolean isUploading(String path) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT 1 FROM ftp_upload WHERE path = ?")) {
            ps.setString(1, path);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new JournalException("cannot read uploads", e);
        }
    }

    /** Uploads that started before {@code before} and never ended: after a crash, their files are incomplete. */
    public List<String> unfinishedUploads(OffsetDateTime before) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT path FROM ftp_upload WHERE started_at < ?")) {
            ps.setObject(1, before);
            List<String> paths = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    paths.add(rs.getString(1));
                }
            }
            return paths;
        } catch (SQLException e) {
            throw new JournalException("cannot read uploads", e);
        }
    }

    private void update(String sql, Statements.Binder binder) {
        Statements.update(dataSource, "inbound file bookkeeping failed", sql, binder);
    }
}
