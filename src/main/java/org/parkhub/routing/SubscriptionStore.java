package org.parkhub.routing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.parkhub.model.MessageType;

/**
 * The subscriptions administrators granted, in the database. The router reads them from a copy refreshed
 * on every change here and at least every few seconds (so that hub nodes sharing the database agree).
 */
public class SubscriptionStore {

    private static final Duration REFRESH = Duration.ofSeconds(5);
    private static final TypeReference<List<FieldMatch>> FILTER = new TypeReference<>() { };

    private final DataSource dataSource;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private volatile Map<MessageType, List<Subscription>> byType;
    private volatile Instant loadedAt = Instant.MIN;

    public SubscriptionStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    public Subscription add(String participantId, MessageType type, List<FieldMatch> filter, String createdBy) {
        Subscription subscription = new Subscription(UUID.randomUUID().toString(), participantId, type, filter,
                OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS), createdBy);
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO subscription (id, participant_id, type, filter,"
                     + " created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, subscription.id());
            ps.setString(2, participantId);
            ps.setString(3, type.name());
            ps.setString(4, json.writeValueAsString(filter));
            ps.setObject(5, subscription.createdAt());
            ps.setString(6, createdBy);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the subscription: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        loadedAt = Instant.MIN;
        return subscription;
    }

    public boolean remove(String id) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM subscription WHERE id = ?")) {
            ps.setString(1, id);
            boolean removed = ps.executeUpdate() > 0;
            loadedAt = Instant.MIN;
            return removed;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot remove the subscription: " + e.getMessage(), e);
        }
    }

    public List<Subscription> all() {
        return current().values().stream().flatMap(List::stream)
                .sorted((a, b) -> a.createdAt().compareTo(b.createdAt())).toList();
    }

    public List<Subscription> forType(MessageType type) {
        return current().getOrDefault(type, List.of());
    }

    private Map<MessageType, List<Subscription>> current() {
        if (loadedAt.plus(REFRESH).isBefore(clock.instant())) {
            byType = load().stream().collect(Collectors.groupingBy(Subscription::type));
            loadedAt = clock.instant();
        }
        return byType;
    }

    private List<Subscription> load() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT id, participant_id, type, filter, created_at, created_by"
                     + " FROM subscription ORDER BY created_at, id");
             ResultSet rs = ps.executeQuery()) {
            List<Subscription> subscriptions = new ArrayList<>();
            while (rs.next()) {
                subscriptions.add(new Subscription(rs.getString(1), rs.getString(2), MessageType.valueOf(rs.getString(3)),
                        json.readValue(rs.getString(4), FILTER), rs.getObject(5, OffsetDateTime.class), rs.getString(6)));
            }
            return subscriptions;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the subscriptions: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
