package org.parkhub.ingest.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

import org.apache.commons.codec.digest.DigestUtils;
import org.parkhub.model.MessageType;

/**
 * Where a participant's files live under the data dir: its FTP home ({@code ftp/<id>/} with
 * {@code inbox/<folder>/}, {@code receipts/}, {@code outbox/}), the hub's work area for files being
 * processed and the archive of processed files with their receipts.
 */
public final class InboxLayout {

    private static final String RECEIPT_SUFFIX = ".receipt.csv";
    private static final String FORMAT_ERROR_SUFFIX = ".receipt.xml";
    private static final int MAX_NAME_BYTES = 255;

    /** The inbox folders and the message type each takes ({@code ceb} takes customs XML of any type). */
    public enum Folder {
        PRODUCTS("products", MessageType.PRODUCT),
        STOCK("stock", MessageType.STOCK_MOVEMENT),
        ORDERS("orders", MessageType.ORDER),
        PAYMENTS("payments", MessageType.PAYMENT),
        WAYBILLS("waybills", MessageType.WAYBILL),
        SHIPMENTS("shipments", MessageType.SHIPMENT_EVENT),
        CEB("ceb", null);

        private final String folderName;
        private final MessageType type;

        Folder(String folderName, MessageType type) {
            this.folderName = folderName;
            this.type = type;
        }

        /** The inbox folder that takes the type, if firms send it as files. */
        public static Optional<Folder> forType(MessageType type) {
            return Arrays.stream(values()).filter(folder -> folder.type == type).findFirst();
        }

        public String folderName() {
            return folderName;
        }

        public Optional<MessageType> type() {
            return Optional.ofNullable(type);
        }

        public static Optional<Folder> byName(String name) {
            return Arrays.stream(values()).filter(f -> f.folderName.equals(name)).findFirst();
        }
    }

    private final Path dataDir;

    public InboxLayout(Path dataDir) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
    }

    public Path ftpRoot() {
        return dataDir.resolve("ftp");
    }

    public Path home(String participantId) {
        return ftpRoot().resolve(participantId);
    }

    public Path inbox(String participantId, Folder folder) {
        return home(participantId).resolve("inbox").resolve(folder.folderName());
    }

    public Path receipts(String participantId) {
        return home(participantId).resolve("receipts");
    }

    /** The receipt of a file: a CSV a spreadsheet opens, one row per record. */
    public static String receiptName(String fileName) {
        return fitted(fileName, RECEIPT_SUFFIX);
    }

    /** The receipt of a customs XML file the hub could not read: a CEB900, as the e-port would answer. */
    public static String formatErrorName(String fileName) {
        return fitted(fileName, FORMAT_ERROR_SUFFIX);
    }

    /**
     * {@code name + suffix}, or, when that is longer than a file name may be (255 bytes of UTF-8 on the file systems
     * the hub runs on), the name cut at a character and marked with a digest of the whole name, so that two long
     * names that begin alike still get files of their own.
     */
    public static String fitted(String name, String suffix) {
        String whole = name + suffix;
        if (whole.getBytes(StandardCharsets.UTF_8).length <= MAX_NAME_BYTES) {
            return whole;
        }
        String mark = "~" + DigestUtils.sha256Hex(name).substring(0, 8);
        int room = MAX_NAME_BYTES - (mark + suffix).getBytes(StandardCharsets.UTF_8).length;
        StringBuilder kept = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < name.length(); ) {
            int codePoint = name.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > room) {
                break;
            }
            kept.appendCodePoint(codePoint);
            bytes += size;
            i += Character.charCount(codePoint);
        }
        return kept + mark + suffix;
    }

    public static boolean isReceipt(String fileName) {
        return fileName.endsWith(RECEIPT_SUFFIX) || fileName.endsWith(FORMAT_ERROR_SUFFIX);
    }

    public Path outbox(String participantId) {
        return home(participantId).resolve("outbox");
    }

    /** Files taken from an inbox wait here while they are processed; what is left after a crash is resumed. */
    public Path work(String participantId, Folder folder) {
        return dataDir.resolve("work").resolve(participantId).resolve(folder.folderName());
    }

    public Path archive(String participantId) {
        return dataDir.resolve("archive").resolve(participantId);
    }

    /** Creates the participant's home with all its folders (onboarding); existing folders are kept. */
    public void createHome(String participantId) {
        try {
            for (Folder folder : Folder.values()) {
                Files.createDirectories(inbox(participantId, folder));
                Files.createDirectories(work(participantId, folder));
            }
            Files.createDirectories(receipts(participantId));
            Files.createDirectories(outbox(participantId));
            Files.createDirectories(archive(participantId));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the FTP home of " + participantId, e);
        }
    }

    /** The inbox file at a path, if the path is a file in some participant's inbox folder. */
    public Optional<InboxFile> inboxFile(Path path) {
        Path relative;
        try {
            relative = ftpRoot().relativize(path.toAbsolutePath().normalize());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (relative.getNameCount() != 4 || !relative.getName(1).toString().equals("inbox")
                || relative.startsWith("..")) {
            return Optional.empty();
        }
        return Folder.byName(relative.getName(2).toString())
                .map(folder -> new InboxFile(relative.getName(0).toString(), folder, relative.getName(3).toString()));
    }
}
