package org.parkhub.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.parkhub.http.Problem;

/** A message request's body and content type, refused with 415 or 413 when they will not do. */
public record RequestBody(String contentType, byte[] bytes) {

    boolean isJson() {
        return contentType.startsWith("application/json");
    }

    /**
     * The body as text in the charset its content type names (UTF-8 when it names none). Bytes that are not of
     * that charset are refused: decoding them into replacement characters would journal something never sent.
     */
    String text() throws MalformedInputException {
        Charset charset = charset();
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedInputException("the body is not valid " + charset.name() + " text (" + e.getMessage()
                    + "); send it in " + charset.name() + " or name its charset in the Content-Type", e);
        }
    }

    private Charset charset() throws MalformedInputException {
        Optional<String> name = charsetName();
        if (name.isEmpty()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name.get());
        } catch (IllegalArgumentException e) {
            throw new MalformedInputException("the charset '" + name.get() + "' of the Content-Type is not one this hub knows", e);
        }
    }

    /** The charset the content type names, if it names one. */
    Optional<String> charsetName() {
        int at = contentType.indexOf("charset=");
        return at < 0 ? Optional.empty()
                : Optional.of(contentType.substring(at + 8).split("[;\\s]")[0].replace("\"", ""));
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
