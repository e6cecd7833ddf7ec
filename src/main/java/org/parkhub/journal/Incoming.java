package org.parkhub.journal;

/** A validated payload about to be journaled, with where it came from in its input (file + line, request + item). */
public record Incoming(Record payload, String source) {
}
