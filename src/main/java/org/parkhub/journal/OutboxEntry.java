package org.parkhub.journal;

import org.parkhub.model.Envelope;

/**
 * A journaled message waiting in the outbox for hub.events: its entry's number, its envelope without the payload
 * (what the relay needs for the message's headers) and the whole envelope as JSON (what it publishes).
 */
public record OutboxEntry(long seq, Envelope head, String json) {
}
