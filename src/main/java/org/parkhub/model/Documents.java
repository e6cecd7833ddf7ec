package org.parkhub.model;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import org.apache.commons.codec.digest.DigestUtils;

/**
 * A payload as a business document: its identity (the {@link DocumentIdentity} fields' values, joined by {@code :})
 * and its content digest. Both compare what a firm meant, not how it was written: text is trimmed, runs of blanks
 * are one and full-width characters are folded (NFKC), amounts compare as numbers ({@code 12.50} = {@code 12.5}),
 * times as instants ({@code 10:00+08:00} = {@code 02:00Z}), and field order and absent, empty or blank optional
 * fields do not count. Codes stay as written: {@code 0012} is not {@code 12}.
 */
public final class Documents {

    /** The canonical JSON binding with text, amounts and times written in their folded form. */
    private static final ObjectMapper FOLDED = CanonicalMapper.jsonBuilder()
            .serializationInclusion(JsonInclude.Include.NON_EMPTY)
            .addModule(new SimpleModule("folded")
                    .addSerializer(String.class, new Folded<>(String.class, Documents::fold))
                    .addSerializer(BigDecimal.class, new Folded<>(BigDecimal.class, Documents::amount))
                    .addSerializer(OffsetDateTime.class, new Folded<>(OffsetDateTime.class, t -> t.toInstant().toString())))
            .build();

    /** Each type's identity fields' accessors, looked up once. */
    private static final ClassValue<List<Method>> IDENTITY = new ClassValue<>() {
        @Override
        protected List<Method> computeValue(Class<?> type) {
            DocumentIdentity identity = type.getAnnotation(DocumentIdentity.class);
            if (identity == null) {
                throw new IllegalStateException(type.getSimpleName() + " declares no @DocumentIdentity");
            }
            List<Method> accessors = new ArrayList<>();
            for (String field : identity.value()) {
                accessors.add(Arrays.stream(type.getRecordComponents()).filter(c -> c.getName().equals(field))
                        .map(RecordComponent::getAccessor).findFirst()
                        .orElseThrow(() -> new IllegalStateException(type.getSimpleName() + " has no identity field " + field)));
            }
            return List.copyOf(accessors);
        }
    };

    private Documents() {
    }

    /** The identity's fields of a type. */
    public static List<String> identityFields(MessageType type) {
        return IDENTITY.get(type.payloadClass()).stream().map(Method::getName).toList();
    }

    /** The document a payload is, e.g. {@code 3301960ABC:ORD-1} for an order; a missing field counts as empty. */
    public static String identity(Record payload) {
        StringBuilder identity = new StringBuilder();
        for (Method accessor : IDENTITY.get(payload.getClass())) {
            if (!identity.isEmpty()) {
                identity.append(':');
            }
            identity.append(scalar(read(accessor, payload)));
        }
        return identity.toString();
    }

    /** The SHA-256 (hex) of the payload's content in its folded form: equal for the same document content. */
    public static String contentDigest(Record payload) {
        try {
            return DigestUtils.sha256Hex(FOLDED.writeValueAsBytes(payload));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + payload.getClass().getSimpleName(), e);
        }
    }

    private static String scalar(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof String text) {
            return fold(text);
        }
        if (value instanceof BigDecimal number) {
            return amount(number);
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant().toString();
        }
        // codes, enums, counts: as canonical JSON writes them
        return CanonicalMapper.json().convertValue(value, String.class);
    }

    /** Text as it compares: full-width folded, trimmed, each run of blanks one space. */
    public static String fold(String text) {
        String normal = Normalizer.isNormalized(text, Normalizer.Form.NFKC) ? text
                : Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder folded = new StringBuilder(normal.length());
        boolean blank = false;
        for (int i = 0; i < normal.length(); i++) {
            char c = normal.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                blank = true;
            } else {
                if (blank && !folded.isEmpty()) {
                    folded.append(' ');
                }
                blank = false;
                folded.append(c);
            }
        }
        return folded.toString();
    }

    private static String amount(BigDecimal number) {
        return number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString();
    }

    private static Object read(Method accessor, Record payload) {
        try {
            return accessor.invoke(payload);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + accessor.getName(), e);
        }
    }

    /** Writes a value as the text it compares by. */
    private static final class Folded<T> extends StdSerializer<T> {

        private static final long serialVersionUID = 1L;
        private final transient Function<T, String> form;

        Folded(Class<T> type, Function<T, String> form) {
            super(type);
            this.form = form;
        }

        /** Text that folds to nothing counts as absent, as an empty or missing field does. */
        @Override
        public boolean isEmpty(SerializerProvider provider, T value) {
            return value == null || form.apply(value).isEmpty();
        }

        @Override
        public void serialize(T value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(form.apply(value));
        }
    }
}
