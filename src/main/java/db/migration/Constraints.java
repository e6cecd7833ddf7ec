package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Names of constraints the migrations drop: H2 and PostgreSQL name an unnamed constraint differently. */
final class Constraints {

    private Constraints() {
    }

    /** The quoted name of the table's one constraint of the type ({@code PRIMARY KEY}, {@code FOREIGN KEY}). */
    static String nameOf(Connection connection, String table, String type) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT constraint_name"
                + " FROM information_schema.table_constraints WHERE table_schema = CURRENT_SCHEMA"
                + " AND table_name = ? AND constraint_type = ?")) {
            ps.setString(1, table);
            ps.setString(2, type);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("table " + table + " has no " + type);
                }
                // quoted: H2 named it in upper case, and unquoted it would be read in lower case (DATABASE_TO_LOWER)
                return '"' + rs.getString(1) + '"';
            }
        }
    }
}
