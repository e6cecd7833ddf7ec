package org.parkhub.routing;

import java.nio.file.Path;
import java.time.Duration;

import org.parkhub.config.Setting;
import org.parkhub.config.SettingGroup;
import org.parkhub.config.SettingValues;

/** Who receives what (the routing file), and how the outbox relay and the router batch their work. */
public record RoutingSettings(Path routingFile, Duration outboxPoll, int outboxBatchSize) {

    public static final Setting ROUTING_FILE = Setting.of("routing-file", "config/routing.yaml",
            "who receives which message type");
    /** Also read by routes/publish-and-route.camel.yaml. */
    public static final Setting OUTBOX_POLL_MS = Setting.of("outbox.poll-ms", "100",
            "how often the outbox relay publishes journaled messages (and how long the router waits for the next event)");
    public static final Setting OUTBOX_BATCH_SIZE = Setting.of("outbox.batch-size", "500",
            "messages per broker transaction of the relay and of the router");

    public static final SettingGroup SETTINGS = new SettingGroup("Routing", ROUTING_FILE, OUTBOX_POLL_MS,
            OUTBOX_BATCH_SIZE);

    public static RoutingSettings from(SettingValues values) {
        return new RoutingSettings(values.path(ROUTING_FILE), values.millis(OUTBOX_POLL_MS),
                values.integer(OUTBOX_BATCH_SIZE));
    }
}
