package org.parkhub.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.parkhub.model.CanonicalMapper;
import org.parkhub.model.MessageType;
import org.parkhub.validate.FieldError;

/** Binds one canonical JSON tree to its record; what does not bind becomes a field error with its path. */
public final class Binding {

    /** The payload, or the error that kept the tree from binding. */
    public record Result(Record payload, FieldError error) {
    }

    private Binding() {
    }

    public static Result bind(JsonNode node, MessageType type) {
        try {
            return new Result(CanonicalMapper.json().treeToValue(node, type.payloadClass()), null);
        } catch (JsonMappingException e) {
            return new Result(null, error(e));
        } catch (JsonProcessingException e) {
            return new Result(null, new FieldError("", "MALFORMED", e.getOriginalMessage()));
        }
    }

    static FieldError error(JsonMappingException e) {
        String field = path(e);
        if (e instanceof UnrecognizedPropertyException unknown) {
            return new FieldError(field, "UNKNOWN_FIELD", "'" + unknown.getPropertyName() + "' is not a field of this message");
        }
        if (e instanceof InvalidFormatException invalid) {
            return new FieldError(field, "TYPE", "'" + invalid.getValue() + "' is not a valid "
                    + invalid.getTargetType().getSimpleName());
        }
        if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return new FieldError(field, "TYPE", "expected a " + mismatched.getTargetType().getSimpleName());
        }
        return new FieldError(field, "TYPE", e.getOriginalMessage());
    }

    /** Jackson's reference path as a field path: {@code lines[0].qty}. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
