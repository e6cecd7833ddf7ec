package org.parkhub.ingest.file;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.NoSuchElementException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import org.parkhub.ingest.Binding;
import org.parkhub.model.CanonicalMapper;
import org.parkhub.model.MessageType;
import org.parkhub.validate.FieldError;

/** Canonical JSON in a file: one object, or an array of objects read one at a time (bounded memory). */
final class JsonRecordSource implements RecordSource {

    /** Reads one element at a time: what follows it in the array is the next record, not trailing garbage. */
    private static final ObjectReader TREES = CanonicalMapper.json().reader()
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final JsonParser parser;
    private final MessageType type;
    private final boolean array;
    private boolean done;

    JsonRecordSource(Reader input, MessageType type) throws UnreadableFileException {
        this.type = type;
        try {
            parser = CanonicalMapper.json().createParser(input);
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_ARRAY && first != JsonToken.START_OBJECT) {
                throw new UnreadableFileException("a JSON file holds an object or an array of objects");
            }
            array = first == JsonToken.START_ARRAY;
        } catch (IOException e) {
            throw new UnreadableFileException("the file is not valid JSON: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean hasNext() {
        if (done) {
            return false;
        }
        try {
            if (array && parser.currentToken() != JsonToken.START_OBJECT && parser.nextToken() != JsonToken.START_OBJECT) {
                if (parser.currentToken() == JsonToken.END_ARRAY) {
                    done = true;
                    return false;
                }
                throw new IOException("expected an object at line " + parser.currentTokenLocation().getLineNr());
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("the JSON structure is broken: " + e.getMessage(), e));
        }
    }

    @Override
    public FileRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        try {
            long line = parser.currentTokenLocation().getLineNr();
            JsonNode node = TREES.readTree(parser);
            if (!array) {
                done = true;
            } else {
                parser.clearCurrentToken();
            }
            Binding.Result bound = Binding.bind(node, type);
            return bound.error() == null ? new FileRecord(List.of(line), bound.payload(), List.<FieldError>of())
                    : new FileRecord(List.of(line), null, List.of(bound.error()));
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("the JSON structure is broken: " + e.getMessage(), e));
        }
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
