package org.parkhub.admin;

import java.io.IOException;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.parkhub.http.Problem;
import org.parkhub.ingest.RequestBody;

/** The JSON body of an admin request as a record; empty after answering 415, 413 or 400. */
final class JsonRequest {

    private static final long MAX_BODY_BYTES = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private JsonRequest() {
    }

    /** {@code what} names the expected content in the error ("a subscription"). */
    static <T> Optional<T> read(Exchange exchange, Class<T> type, String what) {
        Optional<RequestBody> body = RequestBody.of(exchange, MAX_BODY_BYTES, "application/json");
        if (body.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(body.get().bytes(), type));
        } catch (IOException e) {
            Problem.of(400, "malformed", "Malformed request", "not " + what + ": " + e.getMessage()).writeTo(exchange);
            return Optional.empty();
        }
    }
}
