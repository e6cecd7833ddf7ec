package org.parkhub.journal;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.parkhub.model.CanonicalMapper;
import org.parkhub.model.Channel;
import org.parkhub.model.CorrelationKeys;
import org.parkhub.model.DocumentAction;
import org.parkhub.model.Envelope;
import org.parkhub.model.MessageType;

/**
 * How the journal's rows read back: a message's envelope (with or without its payload), its deliveries, times in
 * the park's zone. Shared by the journal, the outbox and the routing records, which read the same tables.
 */
final class JournalRows {

    static final String ENVELOPE_COLUMNS = "m.id, m.type, m.schema_version, m.sender, m.received_at, m.channel,"
            + " m.source, m.order_no, m.sku, m.batch_no, m.logistics_no, m.pay_transaction_id, m.invt_no, m.revision,"
            + " m.supersedes, m.doc_action, m.payload";

    private final ZoneId zone;

    JournalRows(ZoneId zone) {
        this.zone = zone;
    }

    /** The envelope of a row selected with {@link #ENVELOPE_COLUMNS}, its payload read. */
    Envelope envelope(ResultSet rs) throws SQLException {
        Envelope head = head(rs);
        Record payload;
        try {
            payload = CanonicalMapper.json().readValue(rs.getString("payload"), head.type().payloadClass());
        } catch (IOException e) {
            throw new SQLException("journaled payload of " + head.messageId() + " is unreadable", e);
        }
        return head.withPayload(payload);
    }

    /** The envelope without its payload. */
    Envelope head(ResultSet rs) throws SQLException {
        return new Envelope(rs.getString("id"), MessageType.valueOf(rs.getString("type")), rs.getString("schema_version"),
                rs.getString("sender"), inZone(rs.getObject("received_at", OffsetDateTime.class)),
                channel(rs.getString("channel")), rs.getString("source"),
                new CorrelationKeys(rs.getString("order_no"), rs.getString("sku"), rs.getString("batch_no"),
                        rs.getString("logistics_no"), rs.getString("pay_transaction_id"), rs.getString("invt_no")),
                rs.getInt("revision"), rs.getString("supersedes"), DocumentAction.valueOf(rs.getString("doc_action")),
                null);
    }

    /** What became of each copy of a message, by recipient. */
    List<DeliveryState> deliveries(Connection c, String messageId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT recipient, rule, status, attempts, last_error, updated_at,"
                + " delivered_at FROM delivery WHERE message_id = ? ORDER BY recipient")) {
            ps.setString(1, messageId);
            List<DeliveryState> states = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    states.add(new DeliveryState(rs.getString("recipient"), rs.getString("rule"),
                            DeliveryStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
                            rs.getString("last_error"), inZone(rs.getObject("updated_at", OffsetDateTime.class)),
                            Optional.ofNullable(rs.getObject("delivered_at", OffsetDateTime.class)).map(this::inZone).orElse(null)));
                }
            }
            return states;
        }
    }

    /** Now, as the journal writes times: the database keeps microseconds at most, so milliseconds that come back. */
    static OffsetDateTime now(Clock clock, ZoneId zone) {
        return OffsetDateTime.now(clock.withZone(zone)).truncatedTo(ChronoUnit.MILLIS);
    }

    OffsetDateTime inZone(OffsetDateTime time) {
        return time.atZoneSameInstant(zone).toOffsetDateTime();
    }

    private static Channel channel(String code) {
        for (Channel channel : Channel.values()) {
            if (channel.code().equals(code)) {
                return channel;
            }
        }
        throw new IllegalStateException("unknown channel " + code);
    }
}
