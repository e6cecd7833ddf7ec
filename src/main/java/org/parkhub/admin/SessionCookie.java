package org.parkhub.admin;

import java.time.Duration;
import java.util.Optional;

import org.apache.camel.Exchange;

/**
 * The console's session cookie: HttpOnly (no script reads it), SameSite=Strict (no other site's page sends
 * it), Secure when the hub is served over TLS.
 */
final class SessionCookie {

    static final String NAME = "parkhub_admin";

    private SessionCookie() {
    }

    static Optional<String> read(Exchange exchange) {
        String header = exchange.getMessage().getHeader("Cookie", String.class);
        if (header == null) {
            return Optional.empty();
        }
        for (String pair : header.split(";")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).trim().equals(NAME)) {
                return Optional.of(pair.substring(eq + 1).trim());
            }
        }
        return Optional.empty();
    }

    /** Sets the cookie on the response (after its body and headers are written). */
    static void set(Exchange exchange, String token, Duration maxAge, boolean secure) {
        exchange.getMessage().setHeader("Set-Cookie", NAME + "=" + token + "; Path=/; HttpOnly; SameSite=Strict; Max-Age="
                + maxAge.toSeconds() + (secure ? "; Secure" : ""));
    }

    static void clear(Exchange exchange, boolean secure) {
        set(exchange, "", Duration.ZERO, secure);
    }
}
