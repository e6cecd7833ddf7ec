package org.parkhub.ingest;

import java.time.Duration;
import java.util.Optional;

import io.vertx.core.net.SocketAddress;
import org.apache.camel.Exchange;
import org.parkhub.participant.CredentialCheck;
import org.parkhub.participant.Participant;
import org.parkhub.platform.DataDisk;
import org.parkhub.platform.GuessThrottle;

/**
 * What every message endpoint checks first: whether the client address is locked out for guessing keys (429),
 * who calls (401 if nobody known) and whether it is over its rate (429); before new work, whether the data disk
 * can keep it (503).
 */
public class ApiGate {

    private static final String REMOTE_ADDRESS = "CamelVertxPlatformHttpRemoteAddress";

    private final CredentialCheck credentials;
    private final DataDisk disk;
    private final RequestRateLimits rateLimits;
    private final GuessThrottle guesses;

    public ApiGate(CredentialCheck credentials, DataDisk disk, RequestRateLimits rateLimits, GuessThrottle guesses) {
        this.credentials = credentials;
        this.disk = disk;
        this.rateLimits = rateLimits;
        this.guesses = guesses;
    }

    /** The caller, or empty after answering 401 (unknown key) or 429 (locked out, or over its rate). */
    public Optional<Participant> caller(Exchange exchange) {
        String client = clientAddress(exchange);
        Optional<Duration> locked = guesses.lockedFor(client);
        if (locked.isPresent()) {
            long seconds = Math.max(1, (locked.get().toMillis() + 999) / 1000);
            Problem.of(429, "too-many-wrong-keys", "Too many wrong API keys",
                    "too many wrong API keys came from " + client + "; retry in " + seconds + " s").writeTo(exchange);
            exchange.getMessage().setHeader("Retry-After", seconds);
            return Optional.empty();
        }
        boolean keyTried = exchange.getMessage().getHeader("Authorization") != null; // answering clears the headers
        Optional<Participant> participant = ApiAuthentication.caller(exchange, credentials);
        if (participant.isEmpty()) {
            if (keyTried) {
                guesses.failed(client); // no key at all is no guess
            }
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

    private static String clientAddress(Exchange exchange) {
        Object address = exchange.getMessage().getHeader(REMOTE_ADDRESS);
        return address instanceof SocketAddress socket ? socket.hostAddress() : "unknown";
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
