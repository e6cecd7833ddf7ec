package org.parkhub.precheck;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;

import org.parkhub.journal.JournalException;
import org.parkhub.journal.JournalProjection;
import org.parkhub.journal.Journaled;
import org.parkhub.model.DocumentAction;
import org.parkhub.model.Documents;
import org.parkhub.model.InventoryDeclaration;
import org.parkhub.model.InventoryLine;
import org.parkhub.model.InventoryRefund;
import org.parkhub.model.Person;
import org.parkhub.model.RefundLine;

/**
 * Each buyer's calendar-year total of declared dutiable value, for customs' annual limit (V20), kept in step with the
 * journal: a declaration counts in its year under a keyed hash of its buyer's identity (the number itself is never
 * stored); a declaration withdrawn counts no more; a return (CEB625) within 30 days of the release gives back the value
 * of the goods returned. A rejected, failed or cancelled declaration does not count (its customs state says so).
 */
public final class QuotaLedger implements JournalProjection {

    /** Returns within this time of the release restore the quota (DOMAIN.md section 5). */
    static final Duration RETURN_WINDOW = Duration.ofDays(30);

    private final DataSource dataSource;
    private final UnaryOperator<String> keyedHash;
    private final ZoneId zone;

    /** {@code keyedHash}: the park's keyed hash, so a buyer's key is the same on every node and reveals nothing. */
    public QuotaLedger(DataSource dataSource, UnaryOperator<String> keyedHash, ZoneId zone) {
        this.dataSource = dataSource;
        this.keyedHash = keyedHash;
        this.zone = zone;
    }

    /** The key a buyer's quota is kept under: identity type and number, folded, upper case, keyed-hashed. */
    public String buyerKey(Person buyer) {
        return keyedHash.apply(buyer.idType() + ":" + Documents.fold(buyer.idNumber()).toUpperCase(Locale.ROOT));
    }

    @Override
    public void journaled(Connection c, List<Journaled> batch) throws SQLException {
        for (Journaled j : batch) {
            if (!j.isJournaled()) {
                continue;
            }
            Record payload = j.envelope().payload();
            if (payload instanceof InventoryDeclaration d && d.copNo() != null && !d.isDraft()) {
                if (j.envelope().action() == DocumentAction.CANCEL) {
                    forget(c, d.copNo());
                } else {
                    count(c, d);
                }
            } else if (payload instanceof InventoryRefund r && j.envelope().action() != DocumentAction.CANCEL) {
                giveBack(c, r, j.envelope().receivedAt());
            }
        }
    }

    private void count(Connection c, InventoryDeclaration d) throws SQLException {
        BigDecimal refunded = BigDecimal.ZERO;
        try (PreparedStatement ps = c.prepareStatement("SELECT refunded FROM buyer_quota WHERE cop_no = ?")) {
            ps.setString(1, d.copNo());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    refunded = rs.getBigDecimal(1);
                }
            }
        }
        forget(c, d.copNo());
        BigDecimal value = d.lines().stream().map(InventoryLine::totalPrice).reduce(BigDecimal.ZERO, BigDecimal::add)
                .add(d.freight()).add(d.insuredFee()).setScale(2, RoundingMode.HALF_UP);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO buyer_quota (cop_no, buyer_key, quota_year, amount,"
                + " refunded, declared_on) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, d.copNo());
            ps.setString(2, buyerKey(d.buyer()));
            ps.setInt(3, d.declTime().getYear());
            ps.setBigDecimal(4, value);
            ps.setBigDecimal(5, refunded.min(value));
            ps.setObject(6, d.declTime());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO buyer_quota_line (cop_no, gnum, price) VALUES (?, ?, ?)")) {
            for (InventoryLine line : d.lines()) {
                ps.setString(1, d.copNo());
                ps.setInt(2, line.gnum());
                ps.setBigDecimal(3, line.price());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void forget(Connection c, String copNo) throws SQLException {
        for (String table : List.of("buyer_quota_line", "buyer_quota")) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE cop_no = ?")) {
                ps.setString(1, copNo);
                ps.executeUpdate();
            }
        }
    }

    /** A return gives back the declared price of the goods returned, if it comes within 30 days of the release. */
    private void giveBack(Connection c, InventoryRefund r, OffsetDateTime returnedAt) throws SQLException {
        String copNo = null;
        OffsetDateTime from = null;
        try (PreparedStatement ps = c.prepareStatement("SELECT q.cop_no, q.declared_on, d.state, d.status_at"
                + " FROM buyer_quota q LEFT JOIN declaration d ON d.cop_no = q.cop_no"
                + " WHERE q.cop_no = ? OR d.invt_no = ?")) {
            ps.setString(1, r.copNo());
            ps.setString(2, r.invtNo());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    copNo = rs.getString(1);
                    boolean released = "RELEASED".equals(rs.getString(3)) || "CLOSED".equals(rs.getString(3));
                    from = released && rs.getObject(4) != null ? rs.getObject(4, OffsetDateTime.class)
                            : rs.getObject(2, LocalDate.class).atStartOfDay(zone).toOffsetDateTime();
                }
            }
        }
        if (copNo == null || returnedAt.isAfter(from.plus(RETURN_WINDOW))) {
            return;
        }
        BigDecimal value = BigDecimal.ZERO;
        try (PreparedStatement ps = c.prepareStatement("SELECT price FROM buyer_quota_line WHERE cop_no = ? AND gnum = ?")) {
            for (RefundLine line : r.lines()) {
                ps.setString(1, copNo);
                ps.setInt(2, line.gnum());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        value = value.add(rs.getBigDecimal(1).multiply(line.qty()));
                    }
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE buyer_quota SET refunded = LEAST(amount, refunded + ?)"
                + " WHERE cop_no = ?")) {
            ps.setBigDecimal(1, value.setScale(2, RoundingMode.HALF_UP));
            ps.setString(2, copNo);
            ps.executeUpdate();
        }
    }

    /**
     * What a buyer's other declarations of a year count towards the annual limit: declared value less returns given
     * back, without those customs rejected, could not process, or cancelled.
     */
    public BigDecimal used(String buyerKey, int year, String exceptCopNo) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COALESCE(SUM(q.amount - q.refunded), 0) FROM buyer_quota q"
                     + " LEFT JOIN declaration d ON d.cop_no = q.cop_no WHERE q.buyer_key = ? AND q.quota_year = ?"
                     + " AND q.cop_no <> ? AND (d.state IS NULL OR d.state NOT IN ('REJECTED', 'FAILED', 'CANCELLED'))")) {
            ps.setString(1, buyerKey);
            ps.setInt(2, year);
            ps.setString(3, exceptCopNo == null ? "" : exceptCopNo);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBigDecimal(1).setScale(2, RoundingMode.HALF_UP);
            }
        } catch (SQLException e) {
            throw new JournalException("cannot read the buyer's quota", e);
        }
    }
}
