package org.parkhub.ingest;

import java.util.Optional;

import org.apache.camel.Exchange;
import org.parkhub.participant.CredentialCheck;
import org.parkhub.participant.Participant;

/** Every API request names its participant by {@code Authorization: Bearer <api key>}; without one it is 401. */
public final class ApiAuthentication {

    private ApiAuthentication() {
    }

    /** The calling participant, or empty after answering 401. */
    public static Optional<Participant> caller(Exchange exchange, CredentialCheck credentials) {
        String authorization = exchange.getMessage().getHeader("Authorization", String.class);
        Optional<Participant> participant = Optional.empty();
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            participant = credentials.byApiKey(authorization.substring(7).trim());
        }
        if (participant.isEmpty()) {
            Problem.of(401, "unauthenticated", "Authentication required",
                    authorization == null ? "send Authorization: Bearer <api key>" : "the API key is not valid")
                    .writeTo(exchange);
            exchange.getMessage().setHeader("WWW-Authenticate", "Bearer realm=\"parkhub\"");
        }
        return participant;
    }
}
