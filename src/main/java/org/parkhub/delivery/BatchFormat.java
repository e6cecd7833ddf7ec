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
public interface BatchFormat {

    String extension();

    byte[] opening();

    byte[] entry(Envelope envelope, String envelopeJson, boolean first);

    byte[] closing();

    /** CSV through the recipient's profile for the type, in its encoding, a {@code messageId} column first. */
    static BatchFormat csv(CsvProfile profile, ZoneId zone) {
        CsvRows rows = new CsvRows(profile, zone);
        Charset charset = profile.encoding().orElse(StandardCharsets.UTF_8);
        return new BatchFormat() {
            @Override
            public String extension() {
                return "csv";
            }

            @Override
            public byte[] opening() {
                List<String> header = new ArrayList<>(List.of("messageId"));
                header.addAll(rows.headers());
                String text = write(List.of(header));
                // Excel takes a UTF-8 file for its local code page unless it starts with a byte-order mark
                return (charset.equals(StandardCharsets.UTF_8) ? "\uFEFF" + text : text).getBytes(charset);
            }

            @Override
            public byte[] entry(Envelope envelope, String envelopeJson, boolean first) {
                List<List<String>> lines = new ArrayList<>();
                for (List<String> row : rows.rows(envelope.payload())) {
                    List<String> cells = new ArrayList<>(row.size() + 1);
                    cells.add(envelope.messageId());
                    row.forEach(cell -> cells.add(FormulaGuard.neutralise(cell)));
                    lines.add(cells);
                }
                return write(lines).getBytes(charset);
            }

            @Override
            public byte[] closing() {
                return new byte[0];
            }

            private String write(List<List<String>> lines) {
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
        };
    }

    /** One document per file, as {@link DeliveryFormat} writes it ({@code ceb-xml}: a customs message is one file). */
    static BatchFormat single(DeliveryFormat formats, String format) {
        return new BatchFormat() {
            @Override
            public String extension() {
                return "xml";
            }

            @Override
            public byte[] opening() {
                return new byte[0];
            }

            @Override
            public byte[] entry(Envelope envelope, String envelopeJson, boolean first) {
                return formats.render(envelope, envelopeJson, format).body();
            }

            @Override
            public byte[] closing() {
                return new byte[0];
            }
        };
    }

    /** A JSON array of envelopes. */
    static BatchFormat json() {
        return new BatchFormat() {
            @Override
            public String extension() {
                return "json";
            }

            @Override
            public byte[] opening() {
                return "[\n".getBytes(StandardCharsets.UTF_8);
            }

            @Override
            public byte[] entry(Envelope envelope, String envelopeJson, boolean first) {
                return ((first ? "" : ",\n") + envelopeJson).getBytes(StandardCharsets.UTF_8);
            }

            @Override
            public byte[] closing() {
                return "\n]\n".getBytes(StandardCharsets.UTF_8);
            }
        };
    }

    /** {@code <messages>} of {@code <message id type sender>} elements, each holding the payload as canonical XML. */
    static BatchFormat xml() {
        return new BatchFormat() {
            @Override
            public String extension() {
                return "xml";
            }

            @Override
            public byte[] opening() {
                return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<messages>\n".getBytes(StandardCharsets.UTF_8);
            }

            @Override
            public byte[] entry(Envelope envelope, String envelopeJson, boolean first) {
                try {
                    String payload = CanonicalMapper.xml().writer()
                            .without(ToXmlGenerator.Feature.WRITE_XML_DECLARATION).writeValueAsString(envelope.payload());
                    return ("<message id=\"" + envelope.messageId() + "\" type=\"" + envelope.type().path()
                            + "\" sender=\"" + envelope.sender() + "\">" + payload + "</message>\n")
                            .getBytes(StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public byte[] closing() {
                return "</messages>\n".getBytes(StandardCharsets.UTF_8);
            }
        };
    }
}
