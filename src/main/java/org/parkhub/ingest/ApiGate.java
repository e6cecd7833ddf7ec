package org.parkhub.ingest;

import java.time.Duration;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.parkhub.participant.CredentialCheck;
import org.parkhub.participant.Participant;

/** What every message endpoint checks first: who calls (401 if nobody known) and whether it is over its rate (429). */
public class ApiGate {

    private final CredentialCheck credentials;
    private final RequestRateLimits rateLimits;

    public ApiGate(CredentialCheck credentials, RequestRateLimits rateLimits) {
        this.credentials = credentials;
        this.rateLimits = rateLimits;
    }

    /** The caller, or empty after answering 401 (unknown key) or 429 (over its rate). */
    public Optional<Participant> caller(Exchange exchange) {
        Optional<Participant> participant = ApiAuthentication.caller(exchange, credentials);
        if (participant.isEmpty()) {
            return participant;
        }
        Optional<Duration> wait = rateLimits.retryAfter(participant.get().id());
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            Problem.of(429, "too-many-requests", "Too many requests",
                    participant.get().id() + " is over its request rate; retry in " + seconds + " s").writeTo(exchange);
            exchange.getMessage().setHeader("Retry-After", seconds);
            return Optional.empty();
        }
        return participant;
    }
}
