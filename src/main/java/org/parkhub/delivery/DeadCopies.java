package org.parkhub.delivery;

import org.apache.camel.Exchange;
import org.parkhub.journal.DeliveryLog;
import org.parkhub.routing.HubHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the broker gave up on (hub.dead: delivered too often without acknowledgement, by the broker's
 * policy) become dead letters in the journal, beside the ones the hub's own deliveries gave up on. The journal
 * keeps the canonical message, so a replay needs nothing from the broker: its copy is dropped here.
 */
public class DeadCopies {

    private static final Logger LOG = LoggerFactory.getLogger(DeadCopies.class);
    /** The queue a dead copy came from, as the broker records it. */
    private static final String ORIGINAL_QUEUE = "_AMQ_ORIG_QUEUE";

    private final DeliveryLog log;

    public DeadCopies(DeliveryLog log) {
        this.log = log;
    }

    public void record(Exchange exchange) {
        String messageId = exchange.getMessage().getHeader(HubHeaders.MESSAGE_ID, String.class);
        String recipient = exchange.getMessage().getHeader(HubHeaders.RECIPIENT, String.class);
        if (messageId == null || recipient == null) {
            LOG.warn("hub.dead holds a message that is no recipient's copy (from {}); dropped",
                    exchange.getMessage().getHeader(ORIGINAL_QUEUE));
            return;
        }
        LOG.warn("copy {} for {} is a dead letter: the broker gave up delivering it", messageId, recipient);
        log.dead(messageId, recipient, "not acknowledged by " + recipient + "'s consumer after the broker's maximum"
                + " deliveries (config/broker.xml)");
    }
}
