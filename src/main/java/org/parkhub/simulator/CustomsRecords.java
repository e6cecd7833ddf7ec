package org.parkhub.simulator;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.parkhub.journal.JournalException;
import org.parkhub.model.CanonicalMapper;

/**
 * What the simulated customs has on record, by customs' own keys: the orders, payments and waybills firms sent it,
 * and the declarations with their buyer (a keyed hash), dutiable value, year and how far customs took them.
 */
final class CustomsRecords {

    /** How far customs took a declaration. */
    enum State { ACCEPTED, RELEASED, REJECTED, CANCELLED, REFUNDED, RECEIVED }

    /** A declaration as customs counts it towards its buyer's year. */
    record Declared(String buyerKey, BigDecimal amount, int year) {
    }

    private final DataSource dataSource;
    private final Clock clock;

    CustomsRecords(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Keeps a document (a later revision replaces the earlier one). */
    void keep(String messageCode, String key, String orderNo, Record payload, State state, Declared declared) {
        String json;
        try {
            json = CanonicalMapper.json().writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + payload.getClass().getSimpleName(), e);
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement delete = c.prepareStatement(
                    "DELETE FROM simulated_customs WHERE message_code = ? AND doc_key = ?");
                 PreparedStatement insert = c.prepareStatement("INSERT INTO simulated_customs (message_code, doc_key,"
                         + " order_no, buyer_key, amount, quota_year, state, payload, received_at)"
                         + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                delete.setString(1, messageCode);
                delete.setString(2, key);
                delete.executeUpdate();
                insert.setString(1, messageCode);
                insert.setString(2, key);
                insert.setString(3, orderNo);
                insert.setString(4, declared == null ? null : declared.buyerKey());
                insert.setBigDecimal(5, declared == null ? null : declared.amount());
                insert.setObject(6, declared == null ? null : declared.year());
                insert.setString(7, state.name());
                insert.setString(8, json);
                insert.setObject(9, OffsetDateTime.now(clock));
                insert.executeUpdate();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new JournalException("the customs simulator cannot keep " + messageCode + " " + key, e);
        }
    }

    /** Moves a declaration on to another state. */
    void move(String key, State state) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "UPDATE simulated_customs SET state = ? WHERE message_code = 'CEB621' AND doc_key = ?")) {
            ps.setString(1, state.name());
            ps.setString(2, key);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new JournalException("the customs simulator cannot update declaration " + key, e);
        }
    }

    <T extends Record> Optional<T> find(String messageCode, String key, Class<T> type) {
        return query("SELECT payload, state FROM simulated_customs WHERE message_code = ? AND doc_key = ?", type,
                messageCode, key).stream().findFirst().map(Kept::payload);
    }

    Optional<State> state(String messageCode, String key) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT state FROM simulated_customs WHERE message_code = ? AND doc_key = ?")) {
            ps.setString(1, messageCode);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(State.valueOf(rs.getString(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new JournalException("the customs simulator cannot read its records", e);
        }
    }

    /** The documents of a type customs holds for an order number, any platform (the caller picks). */
    <T extends Record> List<T> ofOrder(String messageCode, String orderNo, Class<T> type) {
        return query("SELECT payload, state FROM simulated_customs WHERE message_code = ? AND order_no = ?", type,
                messageCode, orderNo).stream().filter(k -> k.state() != State.CANCELLED).map(Kept::payload).toList();
    }

    /** What a buyer's declarations customs accepted in a year count, without {@code except}. */
    BigDecimal used(String buyerKey, int year, String except) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COALESCE(SUM(amount), 0) FROM simulated_customs"
                     + " WHERE message_code = 'CEB621' AND buyer_key = ? AND quota_year = ? AND doc_key <> ?"
                     + " AND state IN ('ACCEPTED', 'RELEASED')")) {
            ps.setString(1, buyerKey);
            ps.setInt(2, year);
            ps.setString(3, except);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBigDecimal(1);
            }
        } catch (SQLException e) {
            throw new JournalException("the customs simulator cannot add up a buyer's year", e);
        }
    }

    private record Kept<T>(T payload, State state) {
    }

    private <T extends Record> List<Kept<T>> query(String sql, Class<T> type, String... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setString(i + 1, parameters[i]);
            }
            List<Kept<T>> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new Kept<>(CanonicalMapper.json().readValue(rs.getString(1), type),
                            State.valueOf(rs.getString(2))));
                }
            }
            return found;
        } catch (SQLException | JsonProcessingException e) {
            throw new JournalException("the customs simulator cannot read its records", e);
        }
    }
}
