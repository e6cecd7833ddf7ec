package org.parkhub.routing;

import java.time.OffsetDateTime;
import java.util.List;

import org.parkhub.model.MessageType;

/** A copy an administrator granted: messages of a type whose fields match every condition go to the participant. */
public record Subscription(String id, String participantId, MessageType type, List<FieldMatch> filter,
                           OffsetDateTime createdAt, String createdBy) {

    public Subscription {
        filter = List.copyOf(filter);
    }

    public boolean matches(Record payload) {
        return filter.stream().allMatch(condition -> condition.matches(payload));
    }
}
