package org.parkhub.routing;

import org.parkhub.model.MessageType;

/** What the router reports: each copy it puts on its way. */
public interface RoutingMetrics {

    /** A copy put on its way to a recipient that takes it through {@code channel} (queue, webhook, ftp). */
    void dispatched(String channel, MessageType type, String recipient);
}
