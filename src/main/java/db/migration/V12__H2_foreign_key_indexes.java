package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * H2 only: two indexes that every journaled message or delivery event wrote twice. H2 gives a foreign key declared
 * with its table an index of its own, made before the table's other indexes, so the outbox held two indexes on
 * {@code message_id} (the key's and V4's), and the delivery events one on {@code message_id} beside their key's on
 * {@code (message_id, recipient)}. H2 writes every changed page of every index at commit (the REST benchmark's
 * profile: a quarter of the hub's CPU in the journal's commit). The outbox's key is declared again under its name,
 * and H2 then takes V4's index, which has exactly its column; the delivery events' own index goes, since their
 * key's index starts with the same column. PostgreSQL makes no index for a foreign key: nothing to do there.
 */
public class V12__H2_foreign_key_indexes extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        if (!"H2".equals(connection.getMetaData().getDatabaseProductName())) {
            return;
        }
        String outboxKey;
        try (PreparedStatement ps = connection.prepareStatement("SELECT constraint_name"
                + " FROM information_schema.table_constraints WHERE table_schema = 'public' AND table_name = 'outbox'"
                + " AND constraint_type = 'FOREIGN KEY'");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            // H2 named it in upper case; unquoted, the name would be read in lower case (DATABASE_TO_LOWER)
            outboxKey = '"' + rs.getString(1) + '"';
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE outbox DROP CONSTRAINT " + outboxKey);
            statement.execute("ALTER TABLE outbox ADD CONSTRAINT " + outboxKey
                    + " FOREIGN KEY (message_id) REFERENCES message (id)");
            statement.execute("DROP INDEX ix_delivery_event_message");
        }
    }
}
