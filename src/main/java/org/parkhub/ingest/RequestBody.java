package org.parkhub.ingest;

import java.util.Locale;
import java.util.Optional;

import org.apache.camel.Exchange;

/** A message request's body and content type, refused with 415 or 413 when they will not do. */
public record RequestBody(String contentType, byte[] bytes) {

    boolean isJson() {
        return contentType.startsWith("application/json");
    }

    /** The body when its content type is one of {@code accepted} and it is within the limit; otherwise empty after answering. */
    public static Optional<RequestBody> of(Exchange exchange, long maxBytes, String... accepted) {
        String contentType = Optional.ofNullable(exchange.getMessage().getHeader(Exchange.CONTENT_TYPE, String.class))
                .orElse("").toLowerCase(Locale.ROOT);
        boolean known = false;
        for (String type : accepted) {
            known |= contentType.startsWith(type);
        }
        if (!known) {
            Problem.of(415, "unsupported-media-type", "Unsupported content type",
                    "send " + String.join(" or ", accepted) + ", not '" + contentType + "'").writeTo(exchange);
            return Optional.empty();
        }
        byte[] bytes = Optional.ofNullable(exchange.getMessage().getBody(byte[].class)).orElse(new byte[0]);
        if (bytes.length > maxBytes) {
            Problem.of(413, "too-large", "Request too large",
                    "the body has " + bytes.length + " bytes; the limit is " + maxBytes).writeTo(exchange);
            return Optional.empty();
        }
        return Optional.of(new RequestBody(contentType, bytes));
    }
}
