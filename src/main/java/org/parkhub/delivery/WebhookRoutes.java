package org.parkhub.delivery;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.parkhub.participant.Participant;
import org.parkhub.participant.ParticipantDirectory;

/**
 * One consuming route per webhook participant, made from the {@code webhook-delivery} route template
 * (routes/delivery.camel.yaml): each recipient has its own consumer, so a slow or dead endpoint holds up
 * only its own copies.
 */
public class WebhookRoutes {

    public static final String TEMPLATE = "webhook-delivery";

    private final ParticipantDirectory participants;
    private final WebhookDelivery delivery;

    public WebhookRoutes(ParticipantDirectory participants, WebhookDelivery delivery) {
        this.participants = participants;
        this.delivery = delivery;
    }

    /** Adds the routes; called once the route templates are loaded. */
    public void install(CamelContext context) throws Exception {
        for (Participant participant : participants.all()) {
            if (participant.delivery().webhook()) {
                TemplatedRouteBuilder.builder(context, TEMPLATE)
                        .routeId("webhook-delivery-" + participant.id())
                        .parameter("queue", participant.deliveryQueue())
                        .add();
            }
        }
        // copies waiting between attempts go back to their queues at once rather than hold up the shutdown
        context.getManagementStrategy().addEventNotifier(new EventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) {
                if (event instanceof CamelEvent.CamelContextStoppingEvent) {
                    delivery.stop();
                }
            }
        });
    }
}
