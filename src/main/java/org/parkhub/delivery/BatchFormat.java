package org.parkhub.delivery;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.dataformat.xml.ser.ToXmlGenerator;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import org.parkhub.ingest.csv.CsvProfile;
import org.parkhub.ingest.csv.CsvRows;
import org.parkhub.model.CanonicalMapper;
import org.parkhub.model.Envelope;

/**
 * How copies of one type are laid out in an outbox file, piece by piece so that a batch can grow by appending:
 * the opening (CSV header, {@code [}, {@code <messages>}), one entry per copy, and the closing written when the
 * batch is complete. Every entry carries the message id, so receivers can drop a copy they already have.
 */
public record BatchFormat(String extension, byte[] opening, Entry entry, byte[] closing) {

    private static final byte[] NOTHING = new byte[0];

    /** One copy's bytes; {@code first} tells whether it opens the batch. */
    @FunctionalInterface
    public interface Entry {
        byte[] write(Envelope envelope, String envelopeJson, boolean first);
    }

    /** CSV through the recipient's profile for the type, in its encoding, a {@code messageId} column first. */
    static BatchFormat csv(CsvProfile profile, ZoneId zone) {
        CsvRows rows = new CsvRows(profile, zone);
        Charset charset = profile.encoding().orElse(StandardCharsets.UTF_8);
        List<String> header = new ArrayList<>(List.of("messageId"));
        header.addAll(rows.headers());
        String headerLine = csvLines(profile, List.of(header));
        // Excel takes a UTF-8 file for its local code page unless it starts with a byte-order mark
        byte[] opening = (charset.equals(StandardCharsets.UTF_8) ? "\uFEFF" + headerLine : headerLine).getBytes(charset);
        return new BatchFormat("csv", opening, (envelope, json, first) -> {
            List<List<String>> lines = new ArrayList<>();
            for (List<String> row : rows.rows(envelope.payload(), envelope.action())) {
                List<String> cells = new ArrayList<>(row.size() + 1);
                cells.add(envelope.messageId());
                row.forEach(cell -> cells.add(FormulaGuard.neutralise(cell)));
                lines.add(cells);
            }
            return csvLines(profile, lines).getBytes(charset);
        }, NOTHING);
    }

    /** One document per file, as {@link DeliveryFormat} writes it ({@code ceb-xml}: a customs message is one file). */
    static BatchFormat single(DeliveryFormat formats, String format) {
        return new BatchFormat("xml", NOTHING,
                (envelope, json, first) -> formats.render(envelope, json, format).body(), NOTHING);
    }

    /** A JSON array of envelopes. */
    static BatchFormat json() {
        return new BatchFormat("json", utf8("[\n"), (envelope, json, first) -> utf8((first ? "" : ",\n") + json),
                utf8("\n]\n"));
    }

    /** {@code <messages>} of {@code <message id type sender>} elements, each holding the payload as canonical XML. */
    static BatchFormat xml() {
        return new BatchFormat("xml", utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<messages>\n"),
                (envelope, json, first) -> {
                    try {
                        String payload = CanonicalMapper.xml().writer()
                                .without(ToXmlGenerator.Feature.WRITE_XML_DECLARATION).writeValueAsString(envelope.payload());
                        return utf8("<message id=\"" + envelope.messageId() + "\" type=\"" + envelope.type().path()
                                + "\" sender=\"" + envelope.sender() + "\">" + payload + "</message>\n");
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }, utf8("</messages>\n"));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String csvLines(CsvProfile profile, List<List<String>> lines) {
        StringWriter out = new StringWriter();
        try (CsvWriter csv = CsvWriter.builder().fieldSeparator(profile.delimiter()).quoteCharacter(profile.quote())
                .lineDelimiter(LineDelimiter.CRLF).build(out)) {
            for (List<String> line : lines) {
                csv.writeRecord(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
