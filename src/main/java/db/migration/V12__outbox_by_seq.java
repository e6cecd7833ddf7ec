package db.migration;

import java.sql.Connection;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Indexes that every journaled message or delivery event wrote for nothing. H2 writes every changed page of every
 * index at commit (the benchmark's profiles: a quarter of the hub's CPU in the journal's commit).
 * <ul>
 * <li>The relay now clears outbox entries by their number, so the outbox needs no index on {@code message_id}; its
 * foreign key goes too, since on H2 a key wants an index of its own (H2 had made one besides V4's: two indexes on
 * the column). Integrity holds as for {@code message_key}: an entry is written in its message's transaction only.
 * <li>H2 only: the delivery events' index on {@code message_id}, as the index H2 made for their foreign key
 * starts with that column. PostgreSQL makes no index for a key and keeps it.
 * </ul>
 */
public class V12__outbox_by_seq extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        String outboxKey = Constraints.nameOf(connection, "outbox", "FOREIGN KEY");
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE outbox DROP CONSTRAINT " + outboxKey);
            statement.execute("DROP INDEX ix_outbox_message");
            if ("H2".equals(connection.getMetaData().getDatabaseProductName())) {
                statement.execute("DROP INDEX ix_delivery_event_message");
            }
        }
    }
}
