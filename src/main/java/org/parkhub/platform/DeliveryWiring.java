package org.parkhub.platform;

import jakarta.jms.JMSException;
import org.parkhub.delivery.Backlog;
import org.parkhub.delivery.DeadCopies;
import org.parkhub.delivery.DeliveryFormat;
import org.parkhub.delivery.DeliveryRoutes;
import org.parkhub.delivery.FtpOutbox;
import org.parkhub.delivery.QueueDepths;
import org.parkhub.delivery.WebhookDelivery;

/** To the recipients: webhooks, FTP outbox files, dead copies, and the backlog the metrics and console show. */
final class DeliveryWiring {

    final DeliveryRoutes routes;
    final Backlog backlog;

    DeliveryWiring(HubFoundation hub, ParticipantWiring participants, BrokerWiring broker, JournalWiring journal,
                   IngestWiring ingest) {
        HubSettings settings = hub.settings;
        DeliveryFormat formats = new DeliveryFormat(participants.directory, settings.timeZone());
        WebhookDelivery webhooks = new WebhookDelivery(participants.directory, formats, journal.deliveryLog,
                settings.deliveries(), participants.policy.targets(), hub.clock);
        FtpOutbox outbox = new FtpOutbox(ingest.homes, settings.dataDir().resolve("outbox-work"), participants.directory,
                ingest.profiles, formats, journal.deliveryLog, settings.deliveries(), hub.clock, settings.timeZone());
        hub.bind("webhookDelivery", webhooks);
        hub.bind("deadCopies", new DeadCopies(journal.deliveryLog));
        hub.bind("ftpOutbox", outbox);
        routes = new DeliveryRoutes(participants.directory, webhooks, outbox);
        hub.bind("deliveryRoutes", routes);

        backlog = new Backlog(journal.deliveryLog, new QueueDepths(broker.connections), participants.directory);
        hub.metrics.backlogSource(() -> {
            try {
                return backlog.perRecipient();
            } catch (JMSException e) {
                return null; // the broker did not answer: the gauges keep their last values
            }
        });
        participants.directory.all().forEach(p -> hub.metrics.watchBacklog(p.id()));
    }
}
