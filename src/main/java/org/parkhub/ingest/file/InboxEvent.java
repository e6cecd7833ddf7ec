package org.parkhub.ingest.file;

import java.nio.file.Path;

/** Something to do with an inbound file: an upload ended, an upload broke off, or a crash left it half done. */
public record InboxEvent(Kind kind, InboxFile file, String detail, Path workFile) {

    public enum Kind { UPLOADED, INCOMPLETE, RESUME }

    public static InboxEvent uploaded(InboxFile file) {
        return new InboxEvent(Kind.UPLOADED, file, null, null);
    }

    public static InboxEvent incomplete(InboxFile file, String reason) {
        return new InboxEvent(Kind.INCOMPLETE, file, reason, null);
    }

    public static InboxEvent resume(InboxFile file, Path workFile) {
        return new InboxEvent(Kind.RESUME, file, null, workFile);
    }
}
