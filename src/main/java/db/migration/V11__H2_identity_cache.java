package db.migration;

import java.sql.Connection;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * H2 only: the identity sequences of the outbox and of the delivery events take their values from a cache of
 * 10,000 instead of 32. H2 writes its whole store whenever a sequence's cache runs out, and so wrote it every 32
 * journaled messages, in the middle of the batch (docs/decisions/0006). H2's sequence stays one counter
 * for all sessions, so the values keep the order they were taken in; after a crash they go on above the cache,
 * leaving a gap. PostgreSQL keeps its default: there a cache belongs to a session and would break the outbox's
 * order across connections.
 */
public class V11__H2_identity_cache extends BaseJavaMigration {

    private static final int CACHE = 10_000;

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        if (!"H2".equals(connection.getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE outbox ALTER COLUMN seq SET CACHE " + CACHE);
            statement.execute("ALTER TABLE delivery_event ALTER COLUMN seq SET CACHE " + CACHE);
        }
    }
}
