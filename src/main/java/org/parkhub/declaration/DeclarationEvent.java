package org.parkhub.declaration;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * One customs answer about a declaration, as journaled: the message it came in, its code (CEB622, CEB816, ...), the
 * keys it carries, customs' status, time and reason, and when the hub received it.
 */
public record DeclarationEvent(String messageId, String messageCode, String copNo, String preNo, String invtNo,
                               int status, OffsetDateTime statusAt, String reason, OffsetDateTime receivedAt) {

    public Optional<DeclarationState> state() {
        return DeclarationState.after(messageCode, status);
    }
}
