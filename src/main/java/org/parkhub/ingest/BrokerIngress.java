package org.parkhub.ingest;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.parkhub.model.CanonicalMapper;
import org.parkhub.model.Channel;
import org.parkhub.model.DocumentAction;
import org.parkhub.model.MessageType;
import org.parkhub.participant.Participant;
import org.parkhub.participant.ParticipantDirectory;
import org.parkhub.routing.HubHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Messages firms send straight to the broker, to {@code parkhub.in.<type>}: the sender is the participant
 * the broker authenticated, stamped on the message by the broker (never a property the sender set), the items take the same pipeline as REST, and
 * a message with rejected items is answered on the sender's reply-to queue when that is one of its own,
 * else on {@code parkhub.rejected.<id>}. The broker message id is the idempotency key: a redelivery is not
 * journaled twice. A property {@code parkhubAction=cancel} makes the items cancellations of their documents.
 */
public class BrokerIngress {

    /** Where the route sends the answer; absent when there is nothing to answer. */
    public static final String REPLY_TO = "parkhubReplyTo";

    private static final Logger LOG = LoggerFactory.getLogger(BrokerIngress.class);

    private final ParticipantDirectory participants;
    private final MessageIntake intake;

    public BrokerIngress(ParticipantDirectory participants, MessageIntake intake) {
        this.participants = participants;
        this.intake = intake;
    }

    public void accept(Exchange exchange) {
        Message in = exchange.getMessage();
        String senderId = in.getHeader(HubHeaders.SENDER, String.class); // stamped by the broker, not the sender
        String messageId = in.getHeader("JMSMessageID", String.class);
        MessageType type = MessageType.byPath(in.getHeader("parkhubIngressType", String.class)).orElseThrow();
        Optional<Participant> sender = Optional.ofNullable(senderId).flatMap(participants::byId);
        if (sender.isEmpty()) {
            // only the hub itself can put a message here without a participant: nothing to answer
            LOG.warn("broker message {} on {} has no known sender ({}); dropped", messageId,
                    type.path(), senderId);
            answer(in, null, null);
            return;
        }
        String text = Optional.ofNullable(in.getBody(String.class)).orElse("");
        String replyTo = replyAddress(sender.get(), in.getHeader("JMSReplyTo"));
        if (!intake.maySend(sender.get(), type)) {
            answer(in, replyTo, Map.of("error", sender.get().id() + " may not send " + type.path()));
            return;
        }
        List<ParsedItem> items;
        try {
            items = text.stripLeading().startsWith("<") ? PayloadReader.xml(text, type) : PayloadReader.json(text, type);
        } catch (MalformedInputException e) {
            answer(in, replyTo, Map.of("inReplyTo", String.valueOf(messageId), "error", e.getMessage()));
            return;
        }
        String requested = in.getHeader(HubHeaders.ACTION, String.class);
        Optional<DocumentAction> action = requested == null ? Optional.of(DocumentAction.NEW)
                : DocumentAction.byCode(requested);
        if (action.isEmpty()) {
            answer(in, replyTo, Map.of("inReplyTo", String.valueOf(messageId), "error", HubHeaders.ACTION + " '"
                    + requested + "' is not new, modify or cancel"));
            return;
        }
        items = items.stream().map(i -> new ParsedItem(i.index(), i.payload(), i.errors(), action.get())).toList();
        MessageIntake.Outcome outcome;
        try {
            outcome = intake.intake(sender.get(), type, items, Channel.BROKER, "broker message " + messageId,
                    Optional.ofNullable(messageId).map(id -> new MessageIntake.RequestKey("jms:" + id,
                            Digests.sha256(type.path(), "broker", text.getBytes(StandardCharsets.UTF_8)))));
        } catch (MessageIntake.KeyConflict e) {
            answer(in, replyTo, Map.of("inReplyTo", String.valueOf(messageId), "error", e.getMessage()));
            return;
        }
        if (outcome.rejected() == 0) {
            answer(in, null, null);
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("inReplyTo", messageId);
        body.put("accepted", outcome.accepted());
        body.put("duplicates", outcome.duplicates());
        body.put("rejected", outcome.rejected());
        body.put("items", outcome.items());
        answer(in, replyTo, body);
    }

    /** The sender's reply-to if it is one of the sender's own queues; anything else could reach another firm. */
    private static String replyAddress(Participant sender, Object requested) {
        String address = "";
        try {
            if (requested instanceof Queue queue) {
                address = queue.getQueueName();
            }
        } catch (JMSException e) {
            LOG.debug("unreadable JMSReplyTo of a message from {}", sender.id(), e);
        }
        return address.equals(sender.deliveryQueue()) || address.equals(sender.rejectionQueue())
                ? address : sender.rejectionQueue();
    }

    private static void answer(Message message, String address, Object body) {
        String correlation = Optional.ofNullable(message.getHeader("JMSCorrelationID", String.class))
                .orElse(message.getHeader("JMSMessageID", String.class));
        message.getHeaders().clear();
        if (address != null) {
            message.setHeader(REPLY_TO, address);
            message.setHeader("JMSCorrelationID", correlation);
            message.setBody(CanonicalMapper.toJson(body));
        }
    }
}
