package db.migration;

import java.sql.Connection;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The correlation keys' table gets a plain index on the key instead of a primary key on all three columns. A key's
 * entry lands at a random place of the index (batch numbers, order numbers), and H2 checks a unique index twice
 * per insert, each a walk down the tree that reads the pages a random key needs from the file: the benchmark's
 * profile had the key table's insert among a CSV hub's largest costs (docs/decisions/0007). The uniqueness guarded
 * nothing: a message's keys are written once, in its own transaction. The plain index is also narrower (the key,
 * and H2's row number), so more of it stays in the cache. Searches go by the key alone, as before.
 */
public class V13__message_key_index extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        String primaryKey = Constraints.nameOf(connection, "message_key", "PRIMARY KEY");
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE message_key DROP CONSTRAINT " + primaryKey);
            statement.execute("CREATE INDEX ix_message_key_value ON message_key (key_value)");
        }
    }
}
