package org.parkhub.journal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;

import org.parkhub.model.MessageType;

/**
 * Whether known documents may still be revised or cancelled in the state they reached: an order whose declaration
 * customs released, say, is past changing. Asked in the journal's transaction, once per type for a batch's known
 * documents, before anything is decided; what it closes is refused with {@code REVISION_REFUSED}. The hub's own
 * rules of state fill it (customs pre-check); until then every document stays open.
 */
@FunctionalInterface
public interface RevisionGate {

    RevisionGate OPEN = (connection, type, identities) -> Map.of();

    /** Of the given documents of a type, all known to the journal, those closed to revisions, each with why. */
    Map<String, String> closed(Connection connection, MessageType type, Set<String> identities) throws SQLException;
}
