package org.parkhub.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.AnnotationIntrospector;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.MapperBuilder;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.TypeFactory;
import com.fasterxml.jackson.databind.util.RawValue;
import com.fasterxml.jackson.dataformat.xml.JacksonXmlAnnotationIntrospector;
import com.fasterxml.jackson.dataformat.xml.XmlFactory;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import com.fasterxml.jackson.dataformat.xml.ser.ToXmlGenerator;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.jakarta.xmlbind.JakartaXmlBindAnnotationIntrospector;

/**
 * The canonical JSON and XML bindings. Money is BigDecimal end to end (read from strings or numbers,
 * never through a double) and written as a decimal string; times keep the offset they were sent with.
 * The XML binding follows the records' JAXB annotations (root element, list item names); Jackson applies
 * them because the JAXB runtime cannot construct records.
 */
public final class CanonicalMapper {

    // a key given twice would silently mean its last value: refused instead, as the sender meant something else
    private static final ObjectMapper JSON = configure(JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)).build();
    private static final XmlMapper XML = configure(XmlMapper.builder(hardenedXmlFactory()))
            .annotationIntrospector(AnnotationIntrospector.pair(
                    new JacksonXmlAnnotationIntrospector(),
                    new JakartaXmlBindAnnotationIntrospector(TypeFactory.defaultInstance())))
            .configure(ToXmlGenerator.Feature.WRITE_XML_DECLARATION, true)
            // JAXB semantics: a list is repeated elements unless @XmlElementWrapper asks for a wrapper
            .defaultUseWrapper(false)
            .build();

    private CanonicalMapper() {
    }

    public static ObjectMapper json() {
        return JSON;
    }

    /** A JSON mapper configured as the canonical one, for a binding of its own (the documents' digest). */
    static JsonMapper.Builder jsonBuilder() {
        return configure(JsonMapper.builder());
    }

    public static XmlMapper xml() {
        return XML;
    }

    public static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The JSON of an envelope whose payload is JSON already (as the journal keeps it), written as it is: the same
     * text as {@link #toJson} of the whole envelope, without reading the payload into its record only to write it
     * again (which took about a third of the outbox relay's time in the benchmark's profile).
     */
    public static String toJson(Envelope head, String payloadJson) {
        ObjectNode tree = JSON.valueToTree(head);
        // in the place of the head's payload, if it has one: the payload comes last either way
        tree.putRawValue("payload", new RawValue(payloadJson));
        return toJson(tree);
    }

    /** Reads an envelope whose payload class follows from its {@code type}. */
    public static Envelope readEnvelope(String json) {
        try {
            ObjectNode tree = (ObjectNode) JSON.readTree(json);
            MessageType type = MessageType.byPath(tree.path("type").asText())
                    .orElseThrow(() -> new IOException("unknown message type " + tree.path("type")));
            JsonNode payload = tree.remove("payload");
            Envelope head = JSON.treeToValue(tree, Envelope.class);
            return head.withPayload(JSON.treeToValue(payload, type.payloadClass()));
        } catch (IOException e) {
            throw new UncheckedIOException("not a parkhub envelope", e);
        }
    }

    private static XmlFactory hardenedXmlFactory() {
        return XmlFactory.builder().xmlInputFactory(HardenedXml.inputFactory(HardenedXml.FIELD_TEXT)).build();
    }

    private static <M extends ObjectMapper, B extends MapperBuilder<M, B>> B configure(B builder) {
        builder.addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .withConfigOverride(BigDecimal.class,
                        o -> o.setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING)));
        return builder;
    }
}
