package org.parkhub.delivery;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.parkhub.model.CanonicalMapper;
import org.parkhub.model.Envelope;

/**
 * A copy as its recipient wants it: {@code json} is the envelope (message id, type, sender, keys, payload);
 * {@code xml} is the payload as canonical XML, its message id and type in the request headers.
 */
public final class DeliveryFormat {

    /** The bytes to send and their media type. */
    public record Rendered(String contentType, byte[] body) {
    }

    private DeliveryFormat() {
    }

    public static Rendered render(String envelopeJson, Envelope envelope, String format) {
        return switch (format) {
            case "json" -> new Rendered("application/json", envelopeJson.getBytes(StandardCharsets.UTF_8));
            case "xml" -> new Rendered("application/xml", xml(envelope));
            default -> throw new IllegalArgumentException("no " + format + " rendering for deliveries yet");
        };
    }

    private static byte[] xml(Envelope envelope) {
        try {
            return CanonicalMapper.xml().writeValueAsBytes(envelope.payload());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + envelope.messageId() + " as XML", e);
        }
    }
}
