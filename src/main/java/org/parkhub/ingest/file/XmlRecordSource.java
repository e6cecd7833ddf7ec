package org.parkhub.ingest.file;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.util.List;
import java.util.NoSuchElementException;

import org.parkhub.ingest.MalformedInputException;
import org.parkhub.ingest.ParsedItem;
import org.parkhub.ingest.PayloadReader;
import org.parkhub.model.MessageType;

/** One canonical XML document in a file, read like a REST request body (hardened parser, root checked). */
final class XmlRecordSource implements RecordSource {

    private FileRecord record;

    XmlRecordSource(Reader input, MessageType type, long maxChars) throws IOException, UnreadableFileException {
        StringWriter text = new StringWriter();
        char[] buffer = new char[8192];
        long total = 0;
        for (int n = input.read(buffer); n >= 0; n = input.read(buffer)) {
            total += n;
            if (total > maxChars) {
                throw new UnreadableFileException("an XML file holds one document of at most " + maxChars + " characters");
            }
            text.write(buffer, 0, n);
        }
        try {
            ParsedItem item = PayloadReader.xml(text.toString(), type).get(0);
            record = new FileRecord(List.of(1L), item.payload(), item.errors());
        } catch (MalformedInputException e) {
            throw new UnreadableFileException(e.getMessage(), e);
        }
    }

    @Override
    public boolean hasNext() {
        return record != null;
    }

    @Override
    public FileRecord next() {
        if (record == null) {
            throw new NoSuchElementException();
        }
        FileRecord next = record;
        record = null;
        return next;
    }

    @Override
    public void close() {
        record = null;
    }
}
