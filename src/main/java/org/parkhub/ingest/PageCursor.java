package org.parkhub.ingest;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;

import org.parkhub.journal.Journal;
import org.parkhub.journal.JournalEntry;

/** The opaque {@code next} value of a page: where the page ended, so the next one starts after it. */
public final class PageCursor {

    private PageCursor() {
    }

    public static String encode(JournalEntry last) {
        String position = last.envelope().receivedAt() + "|" + last.envelope().messageId();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    public static Journal.PagePosition decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 2);
            return new Journal.PagePosition(OffsetDateTime.parse(parts[0]), parts[1]);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a page cursor: " + cursor, e);
        }
    }
}
