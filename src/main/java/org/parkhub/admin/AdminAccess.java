package org.parkhub.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;

import org.apache.camel.Exchange;
import org.parkhub.http.ApiAuthentication;
import org.parkhub.http.Problem;
import org.parkhub.participant.Participant;
import org.parkhub.participant.Role;

/**
 * Lets park administrators through: a console user with a live session cookie (and, for any request that
 * changes something, the session's CSRF token in {@code X-CSRF-Token}), or an ADMIN participant with its API
 * key (scripts; a bearer key is never sent by a browser on its own, so it needs no CSRF token). Anyone else
 * gets 401 or 403, already answered.
 */
public class AdminAccess {

    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final ApiAuthentication authentication;
    private final AdminSessions sessions;

    public AdminAccess(ApiAuthentication authentication, AdminSessions sessions) {
        this.authentication = authentication;
        this.sessions = sessions;
    }

    public Optional<Admin> administrator(Exchange exchange) {
        Optional<String> cookie = SessionCookie.read(exchange);
        if (exchange.getMessage().getHeader("Authorization") == null && cookie.isPresent()) {
            return bySession(exchange, cookie.get());
        }
        Optional<Participant> caller = authentication.caller(exchange);
        if (caller.isEmpty()) {
            return Optional.empty();
        }
        if (!caller.get().hasRole(Role.ADMIN)) {
            Problem.of(403, "not-permitted", "Not permitted", "only park administrators may do this").writeTo(exchange);
            return Optional.empty();
        }
        return Optional.of(new Admin(caller.get().id()));
    }

    private Optional<Admin> bySession(Exchange exchange, String cookie) {
        Optional<AdminSessions.Session> session = sessions.find(cookie);
        if (session.isEmpty()) {
            Problem.of(401, "session-ended", "Session ended", "the console session has ended: log in again").writeTo(exchange);
            return Optional.empty();
        }
        String method = exchange.getMessage().getHeader(Exchange.HTTP_METHOD, "GET", String.class);
        if (!SAFE_METHODS.contains(method) && !sameToken(exchange.getMessage().getHeader(CSRF_HEADER, String.class),
                session.get().csrfToken())) {
            Problem.of(403, "csrf", "CSRF token missing or wrong",
                    "a console request that changes something carries the session's token in " + CSRF_HEADER).writeTo(exchange);
            return Optional.empty();
        }
        return Optional.of(new Admin(session.get().user()));
    }

    private static boolean sameToken(String sent, String expected) {
        return sent != null && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }
}
