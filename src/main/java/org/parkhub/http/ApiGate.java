package org.parkhub.http;

import java.time.Duration;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.parkhub.guard.DataDisk;
import org.parkhub.participant.Participant;

/**
 * What every message endpoint checks first: who calls ({@link ApiAuthentication}: 401, or 429 for guessing) and
 * whether it is over its rate (429); before new work, whether the data disk can keep it (503).
 */
public class ApiGate {

    private final ApiAuthentication authentication;
    private final DataDisk disk;
    private final RequestRateLimits rateLimits;

    public ApiGate(ApiAuthentication authentication, DataDisk disk, RequestRateLimits rateLimits) {
        this.authentication = authentication;
        this.disk = disk;
        this.rateLimits = rateLimits;
    }

    /** The caller, or empty after answering 401 (unknown key) or 429 (guessing, or over its rate). */
    public Optional<Participant> caller(Exchange exchange) {
        Optional<Participant> participant = authentication.caller(exchange);
        if (participant.isEmpty()) {
            return participant;
        }
        Optional<Duration> wait = rateLimits.retryAfter(participant.get().id());
        if (wait.isPresent()) {
            Problem.tooMany(exchange, "too-many-requests", "Too many requests",
                    participant.get().id() + " is over its request rate", wait.get());
            return Optional.empty();
        }
        return participant;
    }

    /** Whether new work can be kept; otherwise false after answering 503 with Retry-After (nothing was taken). */
    public boolean takesWork(Exchange exchange) {
        Optional<String> full = disk.full();
        if (full.isEmpty()) {
            return true;
        }
        Problem.of(503, "disk-full", "Data disk full", full.get() + "; nothing of this request was kept: send it again"
                + " once the park's operators have made room").writeTo(exchange);
        exchange.getMessage().setHeader("Retry-After", Unavailable.RETRY_AFTER_SECONDS * 6);
        return false;
    }
}
