package org.parkhub.ingest.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import org.mozilla.universalchardet.UniversalDetector;

/**
 * Looks at a file before it is read: its content hash, whether it is text at all, and its encoding: the
 * profile's, else a byte-order mark, else UTF-8 if it decodes as UTF-8, else what juniversalchardet guesses
 * (GBK exports come out as GB18030, their superset). The chosen encoding must decode the whole file.
 */
public final class FileInspector {

    private static final int SAMPLE = 64 * 1024;

    /**
     * The facts about a file; {@code lines} counts its line feeds (and a last line without one): about its
     * lines in any ASCII-compatible encoding; {@code problem} says why it cannot be read, or is null.
     */
    public record Inspection(String sha256, long size, long lines, Charset charset, int bomLength, String problem) {
    }

    private FileInspector() {
    }

    public static Inspection inspect(Path file, Optional<Charset> declared) throws IOException {
        MessageDigest sha = sha256();
        byte[] head = new byte[SAMPLE];
        int headLength = 0;
        long size = 0;
        long lines = 0;
        byte last = '\n';
        UniversalDetector detector = new UniversalDetector();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (headLength < SAMPLE) {
                    int take = Math.min(n, SAMPLE - headLength);
                    System.arraycopy(buffer, 0, head, headLength, take);
                    headLength += take;
                }
                if (!detector.isDone()) {
                    detector.handleData(buffer, 0, n);
                }
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
                size += n;
                last = buffer[n - 1];
            }
        }
        detector.dataEnd();
        if (last != '\n') {
            lines++;
        }
        String hash = HexFormat.of().formatHex(sha.digest());
        if (size == 0) {
            return new Inspection(hash, 0, 0, StandardCharsets.UTF_8, 0, "the file is empty");
        }
        Bom bom = Bom.of(head, headLength);
        if (bom == null && hasNul(head, headLength)) {
            return new Inspection(hash, size, lines, StandardCharsets.UTF_8, 0, "the file is not text (it holds binary data)");
        }
        Charset charset = declared.orElse(null);
        if (charset == null) {
            charset = bom != null ? bom.charset
                    : decodesFully(file, StandardCharsets.UTF_8) ? StandardCharsets.UTF_8 : guess(detector);
        }
        if (charset == null) {
            return new Inspection(hash, size, lines, StandardCharsets.UTF_8, 0,
                    "the encoding of the file cannot be recognised; set it in the CSV profile");
        }
        int bomLength = bom != null && bom.charset.equals(charset) ? bom.length : 0;
        String problem = decodesFully(file, charset) ? null
                : "the file cannot be read as " + charset.name() + " (wrong encoding or damaged)";
        return new Inspection(hash, size, lines, charset, bomLength, problem);
    }

    /** A reader over the file's text, after its byte-order mark. */
    public static Reader open(Path file, Inspection inspection) throws IOException {
        InputStream in = Files.newInputStream(file);
        in.skipNBytes(inspection.bomLength());
        return new InputStreamReader(in, strict(inspection.charset()));
    }

    private static Charset guess(UniversalDetector detector) {
        String name = detector.getDetectedCharset();
        if (name == null) {
            return null;
        }
        // GBK and GB2312 files are read as GB18030, which contains both
        if (name.startsWith("GB") || name.equals("HZ-GB-2312")) {
            return Charset.forName("GB18030");
        }
        return Charset.isSupported(name) ? Charset.forName(name) : null;
    }

    private static boolean decodesFully(Path file, Charset charset) throws IOException {
        try (Reader reader = new InputStreamReader(Files.newInputStream(file), strict(charset))) {
            char[] buffer = new char[64 * 1024];
            while (reader.read(buffer) >= 0) {
                // reading is the check
            }
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean hasNul(byte[] head, int length) {
        for (int i = 0; i < length; i++) {
            if (head[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static CharsetDecoder strict(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private enum Bom {
        UTF8(StandardCharsets.UTF_8, 0xEF, 0xBB, 0xBF),
        UTF16BE(StandardCharsets.UTF_16BE, 0xFE, 0xFF),
        UTF16LE(StandardCharsets.UTF_16LE, 0xFF, 0xFE);

        final Charset charset;
        final int[] bytes;
        final int length;

        Bom(Charset charset, int... bytes) {
            this.charset = charset;
            this.bytes = bytes;
            this.length = bytes.length;
        }

        static Bom of(byte[] head, int headLength) {
            for (Bom bom : values()) {
                if (headLength >= bom.length && matches(bom, head)) {
                    return bom;
                }
            }
            return null;
        }

        private static boolean matches(Bom bom, byte[] head) {
            for (int i = 0; i < bom.length; i++) {
                if ((head[i] & 0xFF) != bom.bytes[i]) {
                    return false;
                }
            }
            return true;
        }
    }
}
