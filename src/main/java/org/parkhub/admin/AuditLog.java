package org.parkhub.admin;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import javax.sql.DataSource;

import org.parkhub.journal.Statements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What park administrators did, and who did it: logins (and refused ones), participant changes, credential
 * rotations, route stops and starts, replays and discards, subscriptions. Kept in the database; never a
 * secret (a rotated key is not written here, only that it was rotated).
 */
public class AuditLog {

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    private static final int MAX_DETAIL = 2000;

    public record Entry(long seq, OffsetDateTime at, String actor, String action, String target, String detail) {
    }

    private final DataSource dataSource;
    private final Clock clock;
    private final ZoneId zone;

    public AuditLog(DataSource dataSource, Clock clock, ZoneId zone) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.zone = zone;
    }

    public void record(String actor, String action, String target, String detail) {
        String shortDetail = detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL);
        Statements.update(dataSource, "cannot record the audit", "INSERT INTO admin_audit (at, actor, action, target, detail)"
                + " VALUES (?, ?, ?, ?, ?)", ps -> {
                    ps.setObject(1, OffsetDateTime.now(clock));
                    ps.setString(2, actor);
                    ps.setString(3, action);
                    ps.setString(4, target);
                    ps.setString(5, shortDetail);
                });
        LOG.info("audit: {} {} {}{}", actor, action, target == null ? "" : target, detail == null ? "" : " (" + detail + ")");
    }

    /** The newest entries first, those before {@code beforeSeq} when it is given (paging). */
    public List<Entry> recent(int limit, Long beforeSeq) {
        return Statements.query(dataSource, "cannot read the audit",
                "SELECT seq, at, actor, action, target, detail FROM admin_audit WHERE seq < ? ORDER BY seq DESC"
                        + " FETCH FIRST " + limit + " ROWS ONLY",
                ps -> ps.setLong(1, beforeSeq == null ? Long.MAX_VALUE : beforeSeq),
                rs -> new Entry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).atZoneSameInstant(zone).toOffsetDateTime(),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)));
    }
}
