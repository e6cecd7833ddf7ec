package org.parkhub.journal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.parkhub.model.CanonicalMapper;
import org.parkhub.model.Envelope;

/**
 * The transactional outbox: an entry per journaled message (written with it, in {@link Journal#accept}) until
 * the relay has published the message to hub.events.
 */
public class Outbox {

    /**
     * The relay's poll: the outbox's oldest entries first, then their messages by key; joined plainly, H2 scanned
     * the whole journal on every poll (docs/decisions/0002).
     */
    static final String UNPUBLISHED = "SELECT o.seq, " + JournalRows.ENVELOPE_COLUMNS + " FROM (SELECT seq, message_id"
            + " FROM outbox ORDER BY seq FETCH FIRST ? ROWS ONLY) o JOIN message m ON m.id = o.message_id ORDER BY o.seq";

    private final DataSource dataSource;
    private final JournalRows rows;

    public Outbox(DataSource dataSource, ZoneId zone) {
        this.dataSource = dataSource;
        this.rows = new JournalRows(zone);
    }

    /** Messages journaled but not yet published to hub.events, oldest first. */
    public List<OutboxEntry> unpublished(int limit) {
        return Transactions.run(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement(UNPUBLISHED)) {
                ps.setInt(1, limit);
                List<OutboxEntry> pending = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Envelope head = rows.head(rs);
                        pending.add(new OutboxEntry(rs.getLong("seq"), head,
                                CanonicalMapper.toJson(head, rs.getString("payload"))));
                    }
                }
                return pending;
            }
        });
    }

    /** Clears the outbox entries (by their numbers) of messages now on hub.events. */
    public void published(List<OutboxEntry> entries) {
        Transactions.run(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM outbox WHERE seq = ?")) {
                for (OutboxEntry entry : entries) {
                    ps.setLong(1, entry.seq());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }
}
