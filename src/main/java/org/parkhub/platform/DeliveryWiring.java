package org.parkhub.platform;

import java.nio.file.Path;
import java.util.Optional;

import jakarta.jms.JMSException;
import org.parkhub.customs.CebSigning;
import org.parkhub.customs.CustomsSettings;
import org.parkhub.delivery.Backlog;
import org.parkhub.delivery.CustomsGateway;
import org.parkhub.delivery.DeadCopies;
import org.parkhub.delivery.DeliveryFormat;
import org.parkhub.delivery.DeliveryRoutes;
import org.parkhub.delivery.FtpOutbox;
import org.parkhub.delivery.QueueDepths;
import org.parkhub.delivery.WebhookDelivery;
import org.parkhub.simulator.CustomsSimulator;

/**
 * To the recipients: webhooks, FTP outbox files, dead copies, the customs gateway (and the built-in customs simulator
 * it sends to by default), and the backlog the metrics and console show.
 */
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
        routes = new DeliveryRoutes(participants.directory, webhooks, outbox, gateway(hub, participants, broker, journal,
                formats));
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

    /** The customs gateway, when a participant stands for customs; the simulator bound when it is the endpoint. */
    private static Optional<DeliveryRoutes.Gateway> gateway(HubFoundation hub, ParticipantWiring participants,
            BrokerWiring broker, JournalWiring journal, DeliveryFormat formats) {
        CustomsSettings customs = hub.settings.customs();
        if (customs.gatewayParticipant().isEmpty()) {
            return Optional.empty();
        }
        Path demoKey = hub.settings.dataDir().resolve("customs-signing.p12");
        hub.bind("customsGateway", new CustomsGateway(formats, journal.deliveryLog, new CebSigning(customs, demoKey), customs.dxpHubId(),
                customs.dxpReceiverId(), hub.clock, hub.settings.timeZone()));
        if (!customs.simulated()) {
            return Optional.of(new DeliveryRoutes.Gateway(customs.gatewayParticipant(), customs.gatewayEndpoint()));
        }
        hub.bind("customsSimulator", CustomsSimulator.of(hub.dataSource, broker.connections, BrokerTopology.CEB_INGRESS,
                customs.gatewayParticipant(), customs.dxpReceiverId(), customs.dxpHubId(), journal.taxTables,
                participants.sealer::keyedHash, new CustomsSimulator.Behaviour(customs.simulatorStep(),
                        customs.simulatorInspectionPercent()), hub.clock, hub.settings.timeZone()));
        return Optional.of(new DeliveryRoutes.Gateway(customs.gatewayParticipant(), "bean:customsSimulator?method=receive"));
    }
}
