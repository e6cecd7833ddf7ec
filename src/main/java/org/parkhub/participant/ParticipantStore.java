package org.parkhub.participant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.parkhub.journal.JournalException;
import org.parkhub.journal.Statements;

/** Participants in the database: their credentials hashed, their webhook signing secrets sealed. */
public class ParticipantStore {

    /**
     * A participant row with the hashes of its secrets and its API key's id (null for a key made before key ids);
     * a rotated-out API key stays valid until its grace ends.
     */
    public record Stored(Participant participant, String apiKeyId, String apiKeyHash, String ftpPasswordHash,
                         String previousApiKeyId, String previousApiKeyHash, OffsetDateTime previousApiKeyUntil) {

        public Stored(Participant participant, String apiKeyId, String apiKeyHash, String ftpPasswordHash) {
            this(participant, apiKeyId, apiKeyHash, ftpPasswordHash, null, null, null);
        }

        /** The previous API key's hash while its grace period lasts. */
        Optional<String> previousApiKeyHash(OffsetDateTime now) {
            return previousApiKeyUntil != null && now.isBefore(previousApiKeyUntil)
                    ? Optional.ofNullable(previousApiKeyHash) : Optional.empty();
        }
    }

    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
    };

    private static final TypeReference<List<RemoteSource>> SOURCES = new TypeReference<>() {
    };

    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;
    private final SecretSealer sealer;
    private final ObjectMapper json = new ObjectMapper();

    public ParticipantStore(DataSource dataSource, SecretSealer sealer) {
        this.dataSource = dataSource;
        this.sealer = sealer;
    }

    public boolean exists(String id) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT 1 FROM participant WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new JournalException("cannot read participant " + id, e);
        }
    }

    /** Inserts a participant with its codes in one transaction. */
    public void insert(Stored stored) {
        Participant p = stored.participant();
        OffsetDateTime now = OffsetDateTime.now();
        inTransaction(p, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO participant (id, name, roles, api_key_hash, ftp_password_hash, profiles, delivery,"
                            + " sources, created_at, updated_at, api_key_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, p.id());
                ps.setString(2, p.name());
                ps.setString(3, roles(p));
                ps.setString(4, stored.apiKeyHash());
                ps.setString(5, stored.ftpPasswordHash());
                ps.setString(6, json.writeValueAsString(p.profiles()));
                ps.setString(7, sealedDelivery(p.id(), p.delivery()));
                ps.setString(8, json.writeValueAsString(p.sources()));
                ps.setObject(9, now);
                ps.setObject(10, now);
                ps.setString(11, stored.apiKeyId());
                ps.executeUpdate();
            }
            insertCodes(c, p);
            return true;
        });
    }

    /**
     * Replaces what an administrator may change (name, roles, codes, profiles, delivery, sources); false if there
     * is no such participant. A code another participant holds fails the whole change.
     */
    public boolean update(Participant p) {
        return inTransaction(p, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE participant SET name = ?, roles = ?, profiles = ?,"
                    + " delivery = ?, sources = ?, updated_at = ? WHERE id = ?");
                 PreparedStatement clear = c.prepareStatement("DELETE FROM participant_code WHERE participant_id = ?")) {
                ps.setString(1, p.name());
                ps.setString(2, roles(p));
                ps.setString(3, json.writeValueAsString(p.profiles()));
                ps.setString(4, sealedDelivery(p.id(), p.delivery()));
                ps.setString(5, json.writeValueAsString(p.sources()));
                ps.setObject(6, OffsetDateTime.now());
                ps.setString(7, p.id());
                if (ps.executeUpdate() == 0) {
                    return false;
                }
                clear.setString(1, p.id());
                clear.executeUpdate();
            }
            insertCodes(c, p);
            return true;
        });
    }

    @FunctionalInterface
    private interface Change {
        boolean apply(Connection connection) throws SQLException, JsonProcessingException;
    }

    /** One change to a participant, committed whole or not at all; a code another participant holds is said so. */
    private boolean inTransaction(Participant p, Change change) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                boolean changed = change.apply(c);
                c.commit();
                return changed;
            } catch (SQLException | JsonProcessingException e) {
                c.rollback();
                throw failure(p, e);
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new JournalException("cannot store participant " + p.id(), e);
        }
    }

    private static String roles(Participant p) {
        return p.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    /** Replaces the FTP password; false if there is no such participant. */
    public boolean setFtpPassword(String id, String newHash) {
        return Statements.update(dataSource, "cannot change the FTP password of " + id,
                "UPDATE participant SET ftp_password_hash = ?, updated_at = ? WHERE id = ?", ps -> {
                    ps.setString(1, newHash);
                    ps.setObject(2, OffsetDateTime.now());
                    ps.setString(3, id);
                }) == 1;
    }

    /** A participant's change failed: a code already held by another one is said so. */
    private static JournalException failure(Participant p, Exception e) {
        if (e instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())
                && String.valueOf(sql.getMessage()).toLowerCase(Locale.ROOT).contains("uq_participant_code")) {
            return new CodeTakenException("a customs code of " + p.id() + " already belongs to another participant", sql);
        }
        return new JournalException("cannot store participant " + p.id() + ": " + e.getMessage(), e);
    }

    /** Replaces the API key; the old one stays valid until {@code graceUntil}. False if there is no such participant. */
    public boolean rotateApiKey(String id, String newKeyId, String newHash, OffsetDateTime graceUntil) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE participant SET previous_api_key_hash = api_key_hash,"
                     + " previous_api_key_id = api_key_id, previous_api_key_until = ?, api_key_hash = ?, api_key_id = ?,"
                     + " updated_at = ? WHERE id = ?")) {
            ps.setObject(1, graceUntil);
            ps.setString(2, newHash);
            ps.setString(3, newKeyId);
            ps.setObject(4, OffsetDateTime.now());
            ps.setString(5, id);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new JournalException("cannot rotate the API key of " + id, e);
        }
    }

    private static void insertCodes(Connection c, Participant p) throws SQLException {
        try (PreparedStatement codes = c.prepareStatement(
                "INSERT INTO participant_code (participant_id, code_type, code) VALUES (?, ?, ?)")) {
            for (Map.Entry<PartyCode, String> code : p.codes().entrySet()) {
                codes.setString(1, p.id());
                codes.setString(2, code.getKey().fieldName());
                codes.setString(3, code.getValue());
                codes.addBatch();
            }
            codes.executeBatch();
        }
    }

    /** The delivery as stored: a webhook's secret sealed. */
    private String sealedDelivery(String id, Delivery d) throws JsonProcessingException {
        Delivery stored = d.secret() == null || SecretSealer.isSealed(d.secret()) ? d
                : d.withSecret(sealer.seal(d.secret(), id));
        return json.writeValueAsString(stored);
    }

    private Delivery openedDelivery(String id, String stored) throws JsonProcessingException {
        Delivery d = json.readValue(stored, Delivery.class);
        return d.secret() == null ? d : d.withSecret(sealer.open(d.secret(), id));
    }

    /** Seals the webhook secrets a version before sealing kept in clear; returns how many. */
    public int sealClearSecrets() {
        int sealed = 0;
        try (Connection c = dataSource.getConnection();
             PreparedStatement read = c.prepareStatement("SELECT id, delivery FROM participant");
             PreparedStatement write = c.prepareStatement("UPDATE participant SET delivery = ? WHERE id = ?");
             ResultSet rs = read.executeQuery()) {
            while (rs.next()) {
                Delivery d = json.readValue(rs.getString("delivery"), Delivery.class);
                if (d.secret() != null && !SecretSealer.isSealed(d.secret())) {
                    write.setString(1, sealedDelivery(rs.getString("id"), d));
                    write.setString(2, rs.getString("id"));
                    sealed += write.executeUpdate();
                }
            }
            return sealed;
        } catch (SQLException | JsonProcessingException e) {
            throw new JournalException("cannot seal the participants' webhook secrets", e);
        }
    }

    public List<Stored> findAll() {
        try (Connection c = dataSource.getConnection()) {
            Map<String, Map<PartyCode, String>> codes = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT participant_id, code_type, code FROM participant_code");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    PartyCode type = PartyCode.byFieldName(rs.getString("code_type")).orElseThrow();
                    codes.computeIfAbsent(rs.getString("participant_id"), k -> new EnumMap<>(PartyCode.class))
                            .put(type, rs.getString("code"));
                }
            }
            List<Stored> all = new ArrayList<>();
            // the hub's own row (Participant.HUB) only stands behind the messages it writes: it is nobody's to use
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, name, roles, api_key_hash, ftp_password_hash, profiles, delivery, sources,"
                            + " api_key_id, previous_api_key_id, previous_api_key_hash, previous_api_key_until"
                            + " FROM participant WHERE id <> '" + Participant.HUB + "'"
                            + " ORDER BY id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString("id");
                    Participant p = new Participant(id, rs.getString("name"),
                            Arrays.stream(rs.getString("roles").split(",")).map(Role::valueOf)
                                    .collect(Collectors.toSet()),
                            codes.getOrDefault(id, Map.of()),
                            new LinkedHashMap<>(json.readValue(rs.getString("profiles"), STRING_MAP)),
                            openedDelivery(id, rs.getString("delivery")),
                            json.readValue(rs.getString("sources"), SOURCES));
                    all.add(new Stored(p, rs.getString("api_key_id"), rs.getString("api_key_hash"),
                            rs.getString("ftp_password_hash"), rs.getString("previous_api_key_id"),
                            rs.getString("previous_api_key_hash"),
                            rs.getObject("previous_api_key_until", OffsetDateTime.class)));
                }
            }
            return all;
        } catch (SQLException | JsonProcessingException e) {
            throw new JournalException("cannot read participants", e);
        }
    }
}
