package org.parkhub.journal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

/**
 * The router's decisions in the journal: each message's recipients (a delivery row per copy, QUEUED) and the time
 * it was routed, which makes it ROUTED in the journal.
 */
public class RoutingRecords {

    private final DataSource dataSource;
    private final Clock clock;
    private final ZoneId zone;
    private final JournalRows rows;

    public RoutingRecords(DataSource dataSource, Clock clock, ZoneId zone) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.zone = zone;
        this.rows = new JournalRows(zone);
    }

    /**
     * Journals the routing decisions of a batch of messages in one transaction (one commit, not one per message)
     * and returns each message's recipients. Idempotent: a redelivered event finds the decision already made and
     * keeps it, so the copies it sends again are the same ones.
     */
    public Map<String, List<Recipient>> recordRouting(Map<String, List<Recipient>> decisions) {
        return Transactions.run(dataSource, c -> {
            Map<String, List<Recipient>> recorded = new LinkedHashMap<>();
            OffsetDateTime now = JournalRows.now(clock, zone);
            // read, not locked: a router that routes the same message meanwhile makes this batch's insert of its
            // routing fail on the key, and the batch is then routed message by message, finding the decision made
            try (PreparedStatement known = c.prepareStatement("SELECT r.message_id FROM message m"
                    + " LEFT JOIN message_routed r ON r.message_id = m.id WHERE m.id = ?");
                 PreparedStatement insert = c.prepareStatement("INSERT INTO delivery (message_id, recipient, rule, status,"
                         + " attempts, updated_at) VALUES (?, ?, ?, ?, 0, ?)");
                 PreparedStatement routed = c.prepareStatement(
                         "INSERT INTO message_routed (message_id, routed_at) VALUES (?, ?)")) {
                for (Map.Entry<String, List<Recipient>> decision : decisions.entrySet()) {
                    String messageId = decision.getKey();
                    known.setString(1, messageId);
                    try (ResultSet rs = known.executeQuery()) {
                        if (!rs.next()) {
                            throw new IllegalStateException("message " + messageId + " is not in the journal");
                        }
                        if (rs.getString(1) != null) {
                            recorded.put(messageId, rows.deliveries(c, messageId).stream()
                                    .map(d -> new Recipient(d.recipient(), d.rule())).toList());
                            continue;
                        }
                    }
                    for (Recipient r : decision.getValue()) {
                        insert.setString(1, messageId);
                        insert.setString(2, r.participantId());
                        insert.setString(3, r.rule());
                        insert.setString(4, DeliveryStatus.QUEUED.name());
                        insert.setObject(5, now);
                        insert.addBatch();
                    }
                    routed.setString(1, messageId);
                    routed.setObject(2, now);
                    routed.addBatch();
                    recorded.put(messageId, decision.getValue());
                }
                routed.executeBatch();
                insert.executeBatch();
            }
            return recorded;
        });
    }

    /**
     * Everyone who was sent an earlier revision of a document: the recipients of {@code supersedes} and of every
     * revision before it (walked back through the journal, so that a revision routed before its predecessor was
     * still reaches them), first come first.
     */
    public List<Recipient> earlierRecipients(String supersedes) {
        return Transactions.run(dataSource, c -> {
            Map<String, Recipient> found = new LinkedHashMap<>();
            try (PreparedStatement previous = c.prepareStatement("SELECT supersedes FROM message WHERE id = ?")) {
                for (String id = supersedes; id != null; ) {
                    for (DeliveryState d : rows.deliveries(c, id)) {
                        found.putIfAbsent(d.recipient(), new Recipient(d.recipient(), d.rule()));
                    }
                    previous.setString(1, id);
                    try (ResultSet rs = previous.executeQuery()) {
                        id = rs.next() ? rs.getString(1) : null;
                    }
                }
            }
            return List.copyOf(found.values());
        });
    }
}
