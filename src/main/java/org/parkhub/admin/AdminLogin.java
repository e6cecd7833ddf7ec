package org.parkhub.admin;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.parkhub.guard.GuessThrottle;
import org.parkhub.http.ApiAuthentication;
import org.parkhub.http.HttpReply;
import org.parkhub.http.Problem;

/**
 * {@code /api/v1/admin/login}, {@code /logout} and {@code /session}: the console's session. A login answers
 * with the session cookie and the CSRF token the console sends back on every change; {@code GET /session}
 * gives the token again to a reloaded page.
 */
public class AdminLogin {

    record Credentials(String user, String password) {
    }

    private final AdminUsers users;
    private final AdminSessions sessions;
    private final GuessThrottle throttle;
    private final AuditLog audit;
    private final boolean secureCookie;

    public AdminLogin(AdminUsers users, AdminSessions sessions, GuessThrottle throttle, AuditLog audit,
                      boolean secureCookie) {
        this.users = users;
        this.sessions = sessions;
        this.throttle = throttle;
        this.audit = audit;
        this.secureCookie = secureCookie;
    }

    public void login(Exchange exchange) {
        Optional<Credentials> sent = JsonRequest.read(exchange, Credentials.class, "a user and password");
        if (sent.isEmpty()) {
            return;
        }
        String user = sent.get().user() == null ? "" : sent.get().user();
        String client = ApiAuthentication.clientAddress(exchange);
        GuessThrottle.Account account = throttle.consoleUser(user);
        Optional<Duration> locked = throttle.lockedFor(account, client);
        if (locked.isPresent()) {
            Problem.tooMany(exchange, "locked", "Too many failed logins", "too many wrong passwords for " + user + " from "
                    + client, locked.get());
            return;
        }
        try {
            throttle.takeTurn(client);
        } catch (GuessThrottle.Slowed slowed) {
            Problem.tooMany(exchange, "locked", "Too many failed logins", "too many wrong passwords from " + client,
                    slowed.retryAfter());
            return;
        }
        if (users.verify(user, sent.get().password()).isEmpty()) {
            throttle.failed(account, client);
            // a name that is no admin's is not written down: it may be a password typed in the wrong field
            audit.record(users.exists(user) ? user : "(unknown)", "login-refused", null, "wrong user or password");
            Problem.of(401, "login-failed", "Login failed", "wrong user or password").writeTo(exchange);
            return;
        }
        throttle.succeeded(account, client);
        AdminSessions.Session session = sessions.open(user);
        audit.record(user, "login", null, null);
        HttpReply.answer(exchange, 200, "session", describe(session));
        SessionCookie.set(exchange, session.token(), sessions.idle(), secureCookie);
    }

    public void logout(Exchange exchange) {
        Optional<String> cookie = SessionCookie.read(exchange);
        Admin admin = Admin.of(exchange);
        cookie.ifPresent(sessions::close);
        audit.record(admin.name(), "logout", null, null);
        HttpReply.noContent(exchange);
        SessionCookie.clear(exchange, secureCookie);
    }

    /** {@code GET /session}: who is logged in, and the CSRF token. */
    public void session(Exchange exchange) {
        Optional<String> cookie = SessionCookie.read(exchange);
        Optional<AdminSessions.Session> session = cookie.flatMap(sessions::find);
        if (session.isEmpty()) {
            Problem.of(401, "session-ended", "Not logged in", "log in to the console first").writeTo(exchange);
            return;
        }
        HttpReply.answer(exchange, 200, "session", describe(session.get()));
    }

    private static Map<String, Object> describe(AdminSessions.Session session) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("user", session.user());
        answer.put("csrfToken", session.csrfToken());
        return answer;
    }
}
