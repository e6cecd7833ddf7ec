package org.parkhub.http;

import org.apache.camel.Exchange;

/**
 * The answer when the journal cannot be reached: 503 with Retry-After. Nothing of the request was kept (the
 * journal takes a request whole or not at all), so sending it again later is safe, with the same
 * Idempotency-Key when it had one.
 */
public class Unavailable {

    static final long RETRY_AFTER_SECONDS = 10;

    public void answer(Exchange exchange) {
        Problem.of(503, "unavailable", "Service unavailable", "the hub cannot reach its journal just now; nothing of "
                + "this request was kept: send it again in " + RETRY_AFTER_SECONDS + " s").writeTo(exchange);
        exchange.getMessage().setHeader("Retry-After", RETRY_AFTER_SECONDS);
    }
}
