package org.parkhub.delivery;

import java.util.List;
import java.util.Optional;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.parkhub.participant.Participant;
import org.parkhub.participant.ParticipantDirectory;

/**
 * One consuming route per participant the hub delivers to itself, made from the route templates of
 * routes/delivery.camel.yaml: {@code webhook-delivery} and {@code ftp-outbox-delivery}. Each recipient has its
 * own single consumer: its copies stay in order, and a slow or dead recipient holds up only its own.
 * Participants with channel {@code queue} read their queue themselves, except customs: the gateway takes its copies to
 * customs ({@code customs-gateway}, routes/customs.camel.yaml) whatever its delivery says.
 */
public class DeliveryRoutes {

    private static final String WEBHOOK = "webhook-delivery";
    private static final String FTP_OUTBOX = "ftp-outbox-delivery";
    private static final String GATEWAY = "customs-gateway";
    private static final List<String> TEMPLATES = List.of(WEBHOOK, FTP_OUTBOX, GATEWAY);

    /** The participant standing for customs, and the endpoint the gateway sends its copies to. */
    public record Gateway(String participantId, String endpoint) {
    }

    private final ParticipantDirectory participants;
    private final WebhookDelivery webhooks;
    private final FtpOutbox outbox;
    private final Optional<Gateway> gateway;

    public DeliveryRoutes(ParticipantDirectory participants, WebhookDelivery webhooks, FtpOutbox outbox,
            Optional<Gateway> gateway) {
        this.participants = participants;
        this.webhooks = webhooks;
        this.outbox = outbox;
        this.gateway = gateway;
    }

    /** Adds the routes; called once the route templates are loaded. */
    public void install(CamelContext context) throws Exception {
        // batches a stopped hub left behind are written before new copies arrive
        outbox.recover();
        for (Participant participant : participants.all()) {
            add(context, participant);
        }
        // copies waiting between attempts go back to their queues at once rather than hold up the shutdown
        context.getManagementStrategy().addEventNotifier(new EventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) {
                if (event instanceof CamelEvent.CamelContextStoppingEvent) {
                    webhooks.stop();
                }
            }
        });
    }

    /** A participant's delivery changed (or it joined): its route follows, the old one stops first. */
    public void refresh(CamelContext context, Participant participant) throws Exception {
        for (String template : TEMPLATES) {
            String routeId = template + "-" + participant.id();
            if (context.getRoute(routeId) != null) {
                context.getRouteController().stopRoute(routeId);
                context.removeRoute(routeId);
            }
        }
        add(context, participant);
    }

    private void add(CamelContext context, Participant participant) {
        if (gateway.filter(g -> g.participantId().equals(participant.id())).isPresent()) {
            TemplatedRouteBuilder.builder(context, GATEWAY)
                    .routeId(GATEWAY + "-" + participant.id())
                    .parameter("queue", participant.deliveryQueue())
                    .parameter("endpoint", gateway.get().endpoint())
                    .add();
            return;
        }
        String template = participant.delivery().webhook() ? WEBHOOK : participant.delivery().ftp() ? FTP_OUTBOX : null;
        if (template != null) {
            TemplatedRouteBuilder.builder(context, template)
                    .routeId(template + "-" + participant.id())
                    .parameter("queue", participant.deliveryQueue())
                    .add();
        }
    }
}
