package org.parkhub.journal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Something kept in step with the journal (a declaration's lifecycle): told of each batch in the transaction that
 * journals it, so it never misses a message nor holds one the journal does not.
 */
@FunctionalInterface
public interface JournalProjection {

    JournalProjection NONE = (connection, batch) -> { };

    void journaled(Connection connection, List<Journaled> batch) throws SQLException;

    /** Each projection in turn, in the order given (a later one may read what an earlier one wrote). */
    static JournalProjection all(JournalProjection... projections) {
        List<JournalProjection> each = List.of(projections);
        return (connection, batch) -> {
            for (JournalProjection projection : each) {
                projection.journaled(connection, batch);
            }
        };
    }
}
