package org.parkhub.declaration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.parkhub.journal.JournalException;
import org.parkhub.journal.JournalProjection;
import org.parkhub.journal.Journaled;
import org.parkhub.model.CustomsReceipt;
import org.parkhub.model.DocumentAction;
import org.parkhub.model.InventoryDeclaration;
import org.parkhub.model.TaxBill;
import org.parkhub.routing.DeclarationCodes;

/**
 * Each inventory declaration's lifecycle, kept in step with the journal (V19): a CEB621 makes or updates its
 * declaration; a customs answer (CEB622/624/626, the tax bill CEB816 and its status CEB818) is kept with the keys it
 * carries and tied to the declaration holding any of them, whose state is then worked out again from all its answers
 * ({@link DeclarationLifecycle}). An answer that comes before its declaration waits for it under its keys.
 */
public final class Declarations implements JournalProjection, DeclarationCodes {

    private static final String COLUMNS = "cop_no, pre_no, invt_no, order_no, logistics_no, ebp_code, ebc_code,"
            + " agent_code, area_code, trade_mode, message_id, state, status, status_at, reason, updated_at";
    /** Answers about the declaration whose keys are given: any of copNo, preNo, invtNo. */
    private static final String EVENTS_OF = "SELECT message_id, message_code, cop_no, pre_no, invt_no, status,"
            + " status_at, reason, received_at FROM declaration_event WHERE cop_no = ? OR pre_no = ? OR invt_no = ?"
            + " ORDER BY status_at, received_at";

    private final DataSource dataSource;

    public Declarations(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void journaled(Connection c, List<Journaled> batch) throws SQLException {
        for (Journaled j : batch) {
            if (!j.isJournaled()) {
                continue;
            }
            Record payload = j.envelope().payload();
            OffsetDateTime now = j.envelope().receivedAt();
            // a draft the hub assembled is nobody's declaration until its broker confirms it
            if (payload instanceof InventoryDeclaration d && j.envelope().action() != DocumentAction.CANCEL
                    && d.copNo() != null && !d.isDraft()) {
                declared(c, d, j.messageId(), now);
            } else if (payload instanceof CustomsReceipt r && isAboutDeclarations(r.messageCode())) {
                answered(c, new DeclarationEvent(j.messageId(), r.messageCode(), r.copNo(), r.preNo(), r.invtNo(),
                        r.returnStatus(), r.returnTime(), r.returnInfo(), now), r.ebpCode(), r.ebcCode(), r.agentCode());
            } else if (payload instanceof TaxBill t) {
                answered(c, new DeclarationEvent(j.messageId(), "CEB816", null, null, t.invtNo(),
                        Integer.parseInt(t.status()), t.returnTime(), t.note(), now), null, t.ebcCode(), t.agentCode());
            }
        }
    }

    private static boolean isAboutDeclarations(String messageCode) {
        return switch (messageCode) {
            case "CEB622", "CEB624", "CEB626", "CEB818" -> true;
            default -> false;
        };
    }

    private void declared(Connection c, InventoryDeclaration d, String messageId, OffsetDateTime now) throws SQLException {
        Optional<Declaration> known = lockedByKeys(c, d.copNo(), null, null);
        if (known.isEmpty()) {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO declaration (" + COLUMNS + ")"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, ?)")) {
                insert.setString(1, d.copNo());
                insert.setString(2, d.preNo());
                insert.setString(3, d.invtNo());
                insert.setString(4, d.orderNo());
                insert.setString(5, d.logisticsNo());
                insert.setString(6, d.ebpCode());
                insert.setString(7, d.ebcCode());
                insert.setString(8, d.agentCode());
                insert.setString(9, d.areaCode());
                insert.setString(10, d.tradeMode() == null ? null : d.tradeMode().customsCode());
                insert.setString(11, messageId);
                insert.setString(12, DeclarationState.SUBMITTED.name());
                insert.setObject(13, now);
                insert.executeUpdate();
            }
        } else {
            // the declarant's revision: its parties and numbers now; customs' numbers stay when it leaves them out
            try (PreparedStatement update = c.prepareStatement("UPDATE declaration SET pre_no = COALESCE(?, pre_no),"
                    + " invt_no = COALESCE(?, invt_no), order_no = ?, logistics_no = ?, ebp_code = ?, ebc_code = ?,"
                    + " agent_code = ?, area_code = ?, trade_mode = ?, message_id = ?, updated_at = ? WHERE cop_no = ?")) {
                update.setString(1, d.preNo());
                update.setString(2, d.invtNo());
                update.setString(3, d.orderNo());
                update.setString(4, d.logisticsNo());
                update.setString(5, d.ebpCode());
                update.setString(6, d.ebcCode());
                update.setString(7, d.agentCode());
                update.setString(8, d.areaCode());
                update.setString(9, d.tradeMode() == null ? null : d.tradeMode().customsCode());
                update.setString(10, messageId);
                update.setObject(11, now);
                update.setString(12, d.copNo());
                update.executeUpdate();
            }
        }
        decide(c, d.copNo(), now);
    }

    private void answered(Connection c, DeclarationEvent event, String ebpCode, String ebcCode, String agentCode)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO declaration_event (message_id, message_code,"
                + " cop_no, pre_no, invt_no, status, status_at, reason, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, event.messageId());
            insert.setString(2, event.messageCode());
            insert.setString(3, event.copNo());
            insert.setString(4, event.preNo());
            insert.setString(5, event.invtNo());
            insert.setInt(6, event.status());
            insert.setObject(7, event.statusAt());
            insert.setString(8, event.reason());
            insert.setObject(9, event.receivedAt());
            insert.executeUpdate();
        }
        Optional<Declaration> known = lockedByKeys(c, event.copNo(), event.preNo(), event.invtNo());
        String copNo;
        if (known.isPresent()) {
            copNo = known.get().copNo();
            // customs' numbers as customs gives them, to tie its later answers that name only those
            try (PreparedStatement update = c.prepareStatement("UPDATE declaration SET pre_no = COALESCE(pre_no, ?),"
                    + " invt_no = COALESCE(invt_no, ?) WHERE cop_no = ?")) {
                update.setString(1, event.preNo());
                update.setString(2, event.invtNo());
                update.setString(3, copNo);
                update.executeUpdate();
            }
        } else if (event.copNo() != null) {
            // customs answered a declaration the hub has not seen (sent to customs another way): known by the answer
            copNo = event.copNo();
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO declaration (cop_no, pre_no, invt_no,"
                    + " ebp_code, ebc_code, agent_code, state, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, copNo);
                insert.setString(2, event.preNo());
                insert.setString(3, event.invtNo());
                insert.setString(4, ebpCode);
                insert.setString(5, ebcCode);
                insert.setString(6, agentCode);
                insert.setString(7, DeclarationState.SUBMITTED.name());
                insert.setObject(8, event.receivedAt());
                insert.executeUpdate();
            }
        } else {
            return; // named only by numbers no declaration holds yet: it waits under its keys
        }
        decide(c, copNo, event.receivedAt());
    }

    /** Works the declaration's state out again from every answer about it. */
    private void decide(Connection c, String copNo, OffsetDateTime now) throws SQLException {
        Declaration d = lockedByKeys(c, copNo, null, null).orElseThrow();
        List<DeclarationEvent> events = events(c, d);
        Optional<DeclarationEvent> deciding = DeclarationLifecycle.deciding(events);
        try (PreparedStatement update = c.prepareStatement("UPDATE declaration SET state = ?, status = ?, status_at = ?,"
                + " reason = ?, updated_at = ? WHERE cop_no = ?")) {
            update.setString(1, DeclarationLifecycle.state(events).name());
            update.setObject(2, deciding.map(DeclarationEvent::status).orElse(null));
            update.setObject(3, deciding.map(DeclarationEvent::statusAt).orElse(null));
            update.setString(4, deciding.map(DeclarationEvent::reason).orElse(null));
            update.setObject(5, now);
            update.setString(6, copNo);
            update.executeUpdate();
        }
    }

    /** The declaration holding any of the keys, its row locked for the rest of the transaction. */
    private static Optional<Declaration> lockedByKeys(Connection c, String copNo, String preNo, String invtNo)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM declaration"
                + " WHERE cop_no = ? OR pre_no = ? OR invt_no = ? ORDER BY cop_no FETCH FIRST 1 ROWS ONLY FOR UPDATE")) {
            ps.setString(1, copNo);
            ps.setString(2, preNo);
            ps.setString(3, invtNo);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    private static List<DeclarationEvent> events(Connection c, Declaration d) throws SQLException {
        List<DeclarationEvent> events = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(EVENTS_OF)) {
            ps.setString(1, d.copNo());
            ps.setString(2, d.preNo());
            ps.setString(3, d.invtNo());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    events.add(new DeclarationEvent(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getInt(6), rs.getObject(7, OffsetDateTime.class), rs.getString(8),
                            rs.getObject(9, OffsetDateTime.class)));
                }
            }
        }
        return events;
    }

    /** A declaration by its copNo, with every answer about it in customs' order. */
    public Optional<Declared> find(String copNo) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM declaration WHERE cop_no = ?")) {
            ps.setString(1, copNo);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Declaration d = row(rs);
                return Optional.of(new Declared(d, events(c, d)));
            }
        } catch (SQLException e) {
            throw new JournalException("cannot read declaration " + copNo, e);
        }
    }

    /** A declaration and the answers customs gave about it. */
    public record Declared(Declaration declaration, List<DeclarationEvent> events) {
    }

    /** How many declarations are in each state. */
    public Map<DeclarationState, Long> counts() {
        Map<DeclarationState, Long> counts = new EnumMap<>(DeclarationState.class);
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT state, COUNT(*) FROM declaration GROUP BY state");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                counts.put(DeclarationState.valueOf(rs.getString(1)), rs.getLong(2));
            }
            return counts;
        } catch (SQLException e) {
            throw new JournalException("cannot count declarations", e);
        }
    }

    /** Declarations in a state since before the given time, the longest waiting first. */
    public List<Declaration> inStateSince(DeclarationState state, OffsetDateTime before, int limit) {
        return query("SELECT " + COLUMNS + " FROM declaration WHERE state = ? AND COALESCE(status_at, updated_at) < ?"
                + " ORDER BY COALESCE(status_at, updated_at) FETCH FIRST " + limit + " ROWS ONLY", ps -> {
                    ps.setString(1, state.name());
                    ps.setObject(2, before);
                });
    }

    /**
     * The states declarations have overstayed, each with how many and the longest waiting: one alert per state, so
     * that a customs outage is one alert, not thousands.
     */
    public Map<String, String> stuck(OffsetDateTime now, Map<DeclarationState, Duration> limits) {
        Map<String, String> stuck = new TreeMap<>();
        limits.forEach((state, limit) -> {
            OffsetDateTime before = now.minus(limit);
            List<Declaration> oldest = inStateSince(state, before, 1);
            if (!oldest.isEmpty()) {
                Declaration d = oldest.get(0);
                long count = count("SELECT COUNT(*) FROM declaration WHERE state = ? AND COALESCE(status_at, updated_at) < ?",
                        state.name(), before);
                OffsetDateTime since = d.statusAt() != null ? d.statusAt() : d.updatedAt();
                stuck.put(state.name(), count + " declaration" + (count == 1 ? "" : "s") + " " + state
                        + " longer than " + limit.toMinutes() + " min; the longest: " + d.copNo() + " since " + since);
            }
        });
        return stuck;
    }

    private long count(String sql, String state, OffsetDateTime before) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, state);
            ps.setObject(2, before);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new JournalException("cannot count declarations", e);
        }
    }

    /** An order's declarations, the last changed first: a rejected one and the corrected one after it. */
    public List<Declaration> ofOrder(String orderNo, int limit) {
        return query("SELECT " + COLUMNS + " FROM declaration WHERE order_no = ? ORDER BY updated_at DESC FETCH FIRST "
                + limit + " ROWS ONLY", ps -> ps.setString(1, orderNo));
    }

    /** The declarations last changed first, optionally of one state. */
    public List<Declaration> latest(Optional<DeclarationState> state, int limit) {
        return query("SELECT " + COLUMNS + " FROM declaration" + (state.isPresent() ? " WHERE state = ?" : "")
                + " ORDER BY updated_at DESC FETCH FIRST " + limit + " ROWS ONLY", ps -> {
                    if (state.isPresent()) {
                        ps.setString(1, state.get().name());
                    }
                });
    }

    @Override
    public Map<String, String> of(Record payload) {
        Optional<Declaration> answered = answered(payload);
        if (answered.isEmpty()) {
            return Map.of();
        }
        Declaration d = answered.get();
        Map<String, String> codes = new LinkedHashMap<>();
        putIfPresent(codes, "ebpCode", d.ebpCode());
        putIfPresent(codes, "ebcCode", d.ebcCode());
        putIfPresent(codes, "agentCode", d.agentCode());
        putIfPresent(codes, "areaCode", d.areaCode());
        return codes;
    }

    /** The declaration a customs receipt or tax bill answers, by the numbers it names (copNo, preNo, invtNo). */
    public Optional<Declaration> answered(Record payload) {
        String copNo = null;
        String preNo = null;
        String invtNo = null;
        if (payload instanceof CustomsReceipt r) {
            copNo = r.copNo();
            preNo = r.preNo();
            invtNo = r.invtNo();
        } else if (payload instanceof TaxBill t) {
            invtNo = t.invtNo();
        }
        if (copNo == null && preNo == null && invtNo == null) {
            return Optional.empty();
        }
        String[] keys = {copNo, preNo, invtNo};
        return query("SELECT " + COLUMNS + " FROM declaration WHERE cop_no = ? OR pre_no = ? OR invt_no = ?"
                + " ORDER BY cop_no FETCH FIRST 1 ROWS ONLY", ps -> {
                    for (int i = 0; i < keys.length; i++) {
                        ps.setString(i + 1, keys[i]);
                    }
                }).stream().findFirst();
    }

    private static void putIfPresent(Map<String, String> codes, String field, String value) {
        if (value != null) {
            codes.put(field, value);
        }
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private List<Declaration> query(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            List<Declaration> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(row(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new JournalException("cannot read declarations", e);
        }
    }

    private static Declaration row(ResultSet rs) throws SQLException {
        int status = rs.getInt(13);
        Integer known = rs.wasNull() ? null : status;
        return new Declaration(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                DeclarationState.valueOf(rs.getString(12)), known,
                rs.getObject(14, OffsetDateTime.class), rs.getString(15), rs.getObject(16, OffsetDateTime.class));
    }
}
