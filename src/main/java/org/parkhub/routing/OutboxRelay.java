package org.parkhub.routing;

import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultMessage;
import org.parkhub.journal.Journal;
import org.parkhub.model.CanonicalMapper;
import org.parkhub.model.Envelope;

/**
 * Publishes journaled messages from the transactional outbox to hub.events. A crash between publishing
 * and clearing the outbox entry publishes the message again; the duplicate id makes the broker drop it.
 */
public class OutboxRelay {

    private final Journal journal;
    private final CamelContext context;
    private final int batchSize;

    public OutboxRelay(Journal journal, CamelContext context, int batchSize) {
        this.journal = journal;
        this.context = context;
        this.batchSize = batchSize;
    }

    /** The next messages to publish, each as the broker message it becomes. */
    public List<Message> pending() {
        return journal.unpublished(batchSize).stream().map(this::toMessage).toList();
    }

    public void published(String messageId) {
        journal.published(messageId);
    }

    private Message toMessage(Envelope envelope) {
        Message message = new DefaultMessage(context);
        message.setBody(CanonicalMapper.toJson(envelope));
        message.setHeader(HubHeaders.MESSAGE_ID, envelope.messageId());
        message.setHeader(HubHeaders.TYPE, envelope.type().path());
        message.setHeader(HubHeaders.SENDER, envelope.sender());
        message.setHeader(HubHeaders.DUPLICATE_ID, envelope.messageId());
        return message;
    }
}
