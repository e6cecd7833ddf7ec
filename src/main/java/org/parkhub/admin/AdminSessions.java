package org.parkhub.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import javax.sql.DataSource;

import org.parkhub.journal.Statements;

/**
 * Console sessions of park administrators, kept in the database so that any hub node knows them. A session
 * ends when it is idle for {@code idle}, after {@code maxAge} whatever it does, or at logout. Only the
 * SHA-256 of the cookie value is stored: a copy of the table opens no session.
 */
public class AdminSessions {

    /** An open session: its cookie value (only when just opened), its user and its CSRF token. */
    public record Session(String token, String user, String csrfToken) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    /** last_seen is written at most this often per session, not on every request. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final DataSource dataSource;
    private final Clock clock;
    private final Duration idle;
    private final Duration maxAge;

    public AdminSessions(DataSource dataSource, Clock clock, Duration idle, Duration maxAge) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.idle = idle;
        this.maxAge = maxAge;
    }

    public Session open(String user) {
        Session session = new Session(randomToken(), user, randomToken());
        OffsetDateTime now = OffsetDateTime.now(clock);
        execute("INSERT INTO admin_session (token_hash, admin_user, csrf_token, created_at, last_seen) VALUES (?, ?, ?, ?, ?)",
                ps -> {
                    ps.setString(1, digest(session.token()));
                    ps.setString(2, user);
                    ps.setString(3, session.csrfToken());
                    ps.setObject(4, now);
                    ps.setObject(5, now);
                });
        // a login is a good moment to let go of the sessions that ended without a logout
        execute("DELETE FROM admin_session WHERE last_seen < ? OR created_at < ?", ps -> {
            ps.setObject(1, now.minus(idle));
            ps.setObject(2, now.minus(maxAge));
        });
        return session;
    }

    /** The live session the cookie value opens (its token field is null). */
    public Optional<Session> find(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        String hash = digest(token);
        OffsetDateTime now = OffsetDateTime.now(clock);
        Optional<Stored> stored = Statements.query(dataSource, "cannot read admin sessions",
                "SELECT admin_user, csrf_token, created_at, last_seen FROM admin_session WHERE token_hash = ?",
                ps -> ps.setString(1, hash), rs -> new Stored(rs.getString(1), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class), rs.getObject(4, OffsetDateTime.class))).stream().findFirst();
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        if (stored.get().createdAt().plus(maxAge).isBefore(now) || stored.get().lastSeen().plus(idle).isBefore(now)) {
            close(token);
            return Optional.empty();
        }
        if (stored.get().lastSeen().plus(TOUCH_EVERY).isBefore(now)) {
            execute("UPDATE admin_session SET last_seen = ? WHERE token_hash = ?", touch -> {
                touch.setObject(1, now);
                touch.setString(2, hash);
            });
        }
        return Optional.of(new Session(null, stored.get().user(), stored.get().csrfToken()));
    }

    private record Stored(String user, String csrfToken, OffsetDateTime createdAt, OffsetDateTime lastSeen) {
    }

    public void close(String token) {
        execute("DELETE FROM admin_session WHERE token_hash = ?", ps -> ps.setString(1, digest(token)));
    }

    /** How long a session may stay idle: the cookie's lifetime. */
    public Duration idle() {
        return idle;
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private void execute(String sql, Statements.Binder binder) {
        Statements.update(dataSource, "cannot write admin sessions", sql, binder);
    }
}
