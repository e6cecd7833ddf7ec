package org.parkhub.alert;

import java.time.OffsetDateTime;

/**
 * Something an administrator should look at: its kind, what it is about (a firm, a recipient, the data
 * disk), what was measured, and since when it holds.
 */
public record Alert(Kind kind, String subject, String detail, OffsetDateTime since) {

    public enum Kind { SILENT_FIRM, REJECTION_RATE, DEAD_LETTERS, BACKLOG, DISK_LOW, SOURCE_FAILED, DECLARATION_STUCK }

    /** Alerts are the same alert while kind and subject are (the detail's figures move). */
    public String key() {
        return kind + "/" + subject;
    }
}
