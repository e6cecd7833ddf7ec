package org.parkhub.precheck;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.parkhub.journal.JournalException;
import org.parkhub.journal.JournalProjection;
import org.parkhub.journal.Journaled;
import org.parkhub.model.CaseState;
import org.parkhub.model.PrecheckFinding;
import org.parkhub.model.PrecheckResult;

/**
 * The customs cases as their latest pre-check results left them, kept in the transaction that journals each result:
 * what the console lists (by state, mismatches first) and counts, and the day each error rule was first found on a
 * case, for the compliance summary per platform. Customs' own rejection of a case counts under {@code REJECTED}.
 */
public final class CaseIndex implements JournalProjection {

    /** A case as the console lists it. */
    public record Row(String ebpCode, String orderNo, CaseState state, List<String> rules, String messageId,
                      OffsetDateTime firstAt, OffsetDateTime updatedAt) {
    }

    /** How many cases of a platform a rule was first found on in a day. */
    public record Tally(String ebpCode, LocalDate day, String rule, long cases) {
    }

    /** The states that need someone's attention, listed first. */
    private static final List<CaseState> ATTENTION = List.of(CaseState.MISMATCH, CaseState.REJECTED);

    private final DataSource dataSource;
    private final ZoneId zone;

    public CaseIndex(DataSource dataSource, ZoneId zone) {
        this.dataSource = dataSource;
        this.zone = zone;
    }

    @Override
    public void journaled(Connection c, List<Journaled> batch) throws SQLException {
        for (Journaled j : batch) {
            if (j.isJournaled() && j.envelope().payload() instanceof PrecheckResult result) {
                keep(c, result, j.messageId(), j.envelope().receivedAt());
            }
        }
    }

    private void keep(Connection c, PrecheckResult result, String messageId, OffsetDateTime at) throws SQLException {
        CaseState before = null;
        Set<String> errorsBefore = Set.of();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT state, rules FROM customs_case WHERE ebp_code = ? AND order_no = ?")) {
            ps.setString(1, result.ebpCode());
            ps.setString(2, result.orderNo());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    before = CaseState.valueOf(rs.getString(1));
                    errorsBefore = errorRules(rs.getString(2));
                }
            }
        }
        String rules = rulesOf(result);
        if (before == null) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO customs_case (ebp_code, order_no, state, rules,"
                    + " message_id, first_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, result.ebpCode());
                ps.setString(2, result.orderNo());
                ps.setString(3, result.state().name());
                ps.setString(4, rules);
                ps.setString(5, messageId);
                ps.setObject(6, at);
                ps.setObject(7, at);
                ps.executeUpdate();
            }
        } else {
            try (PreparedStatement ps = c.prepareStatement("UPDATE customs_case SET state = ?, rules = ?, message_id = ?,"
                    + " updated_at = ? WHERE ebp_code = ? AND order_no = ?")) {
                ps.setString(1, result.state().name());
                ps.setString(2, rules);
                ps.setString(3, messageId);
                ps.setObject(4, at);
                ps.setString(5, result.ebpCode());
                ps.setString(6, result.orderNo());
                ps.executeUpdate();
            }
        }
        Set<String> found = new LinkedHashSet<>(errorRules(rules));
        found.removeAll(errorsBefore);
        if (result.state() == CaseState.REJECTED && before != CaseState.REJECTED) {
            found.add(CaseState.REJECTED.name());
        }
        LocalDate day = at.atZoneSameInstant(zone).toLocalDate();
        for (String rule : found) {
            record(c, result, rule, day);
        }
    }

    private static void record(Connection c, PrecheckResult result, String rule, LocalDate day) throws SQLException {
        try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM customs_case_finding"
                + " WHERE ebp_code = ? AND order_no = ? AND rule = ? AND found_on = ?")) {
            exists.setString(1, result.ebpCode());
            exists.setString(2, result.orderNo());
            exists.setString(3, rule);
            exists.setObject(4, day);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO customs_case_finding (ebp_code, order_no, rule, found_on) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, result.ebpCode());
            ps.setString(2, result.orderNo());
            ps.setString(3, rule);
            ps.setObject(4, day);
            ps.executeUpdate();
        }
    }

    /** The rules of a result's findings, each once, errors marked with a {@code !}: "!3DOC-2 3DOC-4". */
    private static String rulesOf(PrecheckResult result) {
        Set<String> rules = new LinkedHashSet<>();
        for (PrecheckFinding finding : result.findings()) {
            rules.add((finding.severity() == PrecheckFinding.Severity.ERROR ? "!" : "") + finding.rule());
        }
        return String.join(" ", rules);
    }

    private static Set<String> errorRules(String rules) {
        Set<String> errors = new LinkedHashSet<>();
        for (String rule : rules.split(" ")) {
            if (rule.startsWith("!")) {
                errors.add(rule.substring(1));
            }
        }
        return errors;
    }

    /** Whether the hub has told anyone about this case yet. */
    public boolean knows(String ebpCode, String orderNo) {
        return !query("SELECT " + COLUMNS + " FROM customs_case WHERE ebp_code = ? AND order_no = ?",
                ebpCode, orderNo).isEmpty();
    }

    /** How many cases are in each state. */
    public Map<CaseState, Long> counts() {
        Map<CaseState, Long> counts = new EnumMap<>(CaseState.class);
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT state, COUNT(*) FROM customs_case GROUP BY state");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                counts.put(CaseState.valueOf(rs.getString(1)), rs.getLong(2));
            }
            return counts;
        } catch (SQLException e) {
            throw new JournalException("cannot count the customs cases", e);
        }
    }

    /**
     * The cases in a state (empty: any) of a platform (null: any), the latest changed first, those that need
     * attention (mismatches, customs' rejections) before the others; at most {@code limit}.
     */
    public List<Row> list(Optional<CaseState> state, String ebpCode, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM customs_case WHERE 1 = 1");
        List<String> parameters = new ArrayList<>();
        state.ifPresent(s -> {
            sql.append(" AND state = ?");
            parameters.add(s.name());
        });
        if (ebpCode != null) {
            sql.append(" AND ebp_code = ?");
            parameters.add(ebpCode);
        }
        sql.append(" ORDER BY CASE WHEN state IN (")
                .append(String.join(", ", ATTENTION.stream().map(s -> "'" + s.name() + "'").toList()))
                .append(") THEN 0 ELSE 1 END, updated_at DESC, ebp_code, order_no FETCH FIRST ")
                .append(Math.max(1, limit)).append(" ROWS ONLY");
        return query(sql.toString(), parameters.toArray(String[]::new));
    }

    /** Per platform and day from {@code from} on, how many cases each error rule was first found on. */
    public List<Tally> compliance(LocalDate from) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT ebp_code, found_on, rule, COUNT(*)"
                     + " FROM customs_case_finding WHERE found_on >= ?"
                     + " GROUP BY ebp_code, found_on, rule ORDER BY ebp_code, found_on DESC, rule")) {
            ps.setObject(1, from);
            List<Tally> tallies = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tallies.add(new Tally(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3),
                            rs.getLong(4)));
                }
            }
            return tallies;
        } catch (SQLException e) {
            throw new JournalException("cannot read the compliance summary", e);
        }
    }

    private static final String COLUMNS = "ebp_code, order_no, state, rules, message_id, first_at, updated_at";

    private List<Row> query(String sql, String... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setString(i + 1, parameters[i]);
            }
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String rules = rs.getString(4);
                    rows.add(new Row(rs.getString(1), rs.getString(2), CaseState.valueOf(rs.getString(3)),
                            rules.isEmpty() ? List.of() : Arrays.stream(rules.split(" "))
                                    .map(rule -> rule.startsWith("!") ? rule.substring(1) : rule).toList(),
                            rs.getString(5), rs.getObject(6, OffsetDateTime.class), rs.getObject(7, OffsetDateTime.class)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new JournalException("cannot read the customs cases", e);
        }
    }
}
