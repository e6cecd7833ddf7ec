package org.parkhub.ingest.file;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;

/**
 * Writes a receipt, {@code line,status,messageId,errors}, one row per input row and a summary row, in
 * the input's encoding with CRLF; UTF-8 receipts start with a byte-order mark, which Excel needs to
 * recognise them.
 */
public final class ReceiptWriter implements Closeable {

    private final CsvWriter csv;

    public ReceiptWriter(Path target, Charset charset) throws IOException {
        OutputStream out = Files.newOutputStream(target);
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, charset));
        if (charset.equals(StandardCharsets.UTF_8)) {
            writer.write('\uFEFF');
        }
        csv = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(writer);
        csv.writeRecord("line", "status", "messageId", "errors");
    }

    public void row(long line, ReceiptStatus status, String messageId, String errors) {
        write(String.valueOf(line), status.name(), messageId == null ? "" : messageId, errors == null ? "" : errors);
    }

    public void summary(ReceiptStatus status, String text) {
        write("summary", status.name(), "", text);
    }

    private void write(String... fields) {
        csv.writeRecord(fields);
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
