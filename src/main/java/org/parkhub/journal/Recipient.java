package org.parkhub.journal;

/** A routing decision for one participant, with the rule that chose it. */
public record Recipient(String participantId, String rule) {
}
