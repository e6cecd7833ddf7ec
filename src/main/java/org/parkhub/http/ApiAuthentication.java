package org.parkhub.http;

import java.time.Duration;
import java.util.Optional;

import io.vertx.core.net.SocketAddress;
import org.apache.camel.Exchange;
import org.parkhub.guard.GuessThrottle;
import org.parkhub.participant.CredentialCheck;
import org.parkhub.participant.Participant;

/**
 * Every API request names its participant by {@code Authorization: Bearer <api key>}: without a valid key it is
 * 401; a key guessed at too often from one address (its account locked there), or a wrong key from an address
 * slowed for guessing, is 429 with {@code Retry-After}. Firms' and administrators' endpoints both come here.
 */
public class ApiAuthentication {

    private static final String REMOTE_ADDRESS = "CamelVertxPlatformHttpRemoteAddress";

    private final CredentialCheck credentials;
    private final GuessThrottle guesses;

    public ApiAuthentication(CredentialCheck credentials, GuessThrottle guesses) {
        this.credentials = credentials;
        this.guesses = guesses;
    }

    /** The calling participant, or empty after answering 401 or 429. */
    public Optional<Participant> caller(Exchange exchange) {
        String authorization = exchange.getMessage().getHeader("Authorization", String.class);
        if (authorization == null) {
            return refuse(exchange, "send Authorization: Bearer <api key>");
        }
        String key = authorization.regionMatches(true, 0, "Bearer ", 0, 7) ? authorization.substring(7).trim() : "";
        String client = clientAddress(exchange);
        GuessThrottle.Account account = credentials.namedBy(key).map(guesses::participant).orElse(null);
        Optional<Duration> locked = guesses.lockedFor(account, client);
        if (locked.isPresent()) {
            return tooMany(exchange, locked.get(), "too many wrong secrets for this API key came from " + client);
        }
        Optional<Participant> participant;
        try {
            participant = credentials.byApiKey(key, () -> guesses.takeTurn(client));
        } catch (GuessThrottle.Slowed slowed) {
            return tooMany(exchange, slowed.retryAfter(), "too many wrong API keys came from " + client);
        }
        if (participant.isEmpty()) {
            guesses.failed(account, client);
            return guesses.slowed(client)
                    ? tooMany(exchange, Duration.ofSeconds(1), "too many wrong API keys came from " + client)
                    : refuse(exchange, "the API key is not valid");
        }
        guesses.succeeded(guesses.participant(participant.get().id()), client);
        return participant;
    }

    private static Optional<Participant> refuse(Exchange exchange, String detail) {
        Problem.of(401, "unauthenticated", "Authentication required", detail).writeTo(exchange);
        exchange.getMessage().setHeader("WWW-Authenticate", "Bearer realm=\"parkhub\"");
        return Optional.empty();
    }

    private static Optional<Participant> tooMany(Exchange exchange, Duration wait, String why) {
        Problem.tooMany(exchange, "too-many-wrong-keys", "Too many wrong API keys", why, wait);
        return Optional.empty();
    }

    public static String clientAddress(Exchange exchange) {
        Object address = exchange.getMessage().getHeader(REMOTE_ADDRESS);
        return address instanceof SocketAddress socket ? socket.hostAddress() : "unknown";
    }
}
