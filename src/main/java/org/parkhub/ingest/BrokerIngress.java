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
import org.parkhub.customs.CustomsXmlException;
import org.parkhub.journal.SignedDocument;
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
 * Customs XML of any CEB type the hub reads goes to {@code parkhub.in.ceb}.
 */
public class BrokerIngress {

    /** Where the route sends the answer; absent when there is nothing to answer. */
    public static final String REPLY_TO = "parkhubReplyTo";

    private static final Logger LOG = LoggerFactory.getLogger(BrokerIngress.class);

    private final ParticipantDirectory participants;
    private final MessageIntake intake;
    private final CebReading reading;

    public BrokerIngress(ParticipantDirectory participants, MessageIntake intake, CebReading reading) {
        this.participants = participants;
        this.intake = intake;
        this.reading = reading;
    }

    public void accept(Exchange exchange) {
        Message in = exchange.getMessage();
        MessageType type = MessageType.byPath(in.getHeader("parkhubIngressType", String.class)).orElseThrow();
        Optional<Participant> sender = sender(in);
        if (sender.isEmpty()) {
            return;
        }
        String messageId = in.getHeader("JMSMessageID", String.class);
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
        intakeAndAnswer(in, sender.get(), replyTo, type, items, text.getBytes(StandardCharsets.UTF_8), Optional.empty());
    }

    /**
     * Customs XML on {@code parkhub.in.ceb}, any CEB message the hub reads: a text message is text already; a
     * bytes message is decoded as RFC 7303 says for a document whose transport names no charset (its byte
     * order mark, else its XML declaration, else UTF-8). Each business node's appType says what it does.
     */
    public void acceptCeb(Exchange exchange) {
        Message in = exchange.getMessage();
        Optional<Participant> sender = sender(in);
        if (sender.isEmpty()) {
            return;
        }
        String messageId = in.getHeader("JMSMessageID", String.class);
        String replyTo = replyAddress(sender.get(), in.getHeader("JMSReplyTo"));
        Object body = in.getBody();
        byte[] bytes;
        CebReading.Read read;
        try {
            String text;
            if (body instanceof byte[] raw) {
                bytes = raw;
                text = XmlText.decode(raw, Optional.empty());
            } else {
                text = Optional.ofNullable(in.getBody(String.class)).orElse("");
                bytes = text.getBytes(StandardCharsets.UTF_8);
            }
            read = reading.read(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (MalformedInputException | CustomsXmlException e) {
            answer(in, replyTo, Map.of("inReplyTo", String.valueOf(messageId), "error", e.getMessage()));
            return;
        }
        if (!intake.maySend(sender.get(), read.content().type())) {
            answer(in, replyTo, Map.of("inReplyTo", String.valueOf(messageId), "error", sender.get().id()
                    + " may not send " + read.content().messageCode()));
            return;
        }
        intakeAndAnswer(in, sender.get(), replyTo, read.content().type(), read.items(), bytes, read.signed());
    }

    /** The participant the broker stamped; a message without one is dropped (only the hub could send it). */
    private Optional<Participant> sender(Message in) {
        String senderId = in.getHeader(HubHeaders.SENDER, String.class); // stamped by the broker, not the sender
        Optional<Participant> sender = Optional.ofNullable(senderId).flatMap(participants::byId);
        if (sender.isEmpty()) {
            LOG.warn("broker message {} on {} has no known sender ({}); dropped", in.getHeader("JMSMessageID", String.class),
                    in.getHeader("parkhubIngressType", String.class), senderId);
            answer(in, null, null);
        }
        return sender;
    }

    private void intakeAndAnswer(Message in, Participant sender, String replyTo, MessageType type, List<ParsedItem> items,
            byte[] body, Optional<SignedDocument> signed) {
        String messageId = in.getHeader("JMSMessageID", String.class);
        MessageIntake.Outcome outcome;
        try {
            outcome = intake.intake(sender, type, items, Channel.BROKER, "broker message " + messageId,
                    Optional.ofNullable(messageId).map(id -> new MessageIntake.RequestKey("jms:" + id,
                            Digests.sha256(type.path(), "broker", body))), signed);
        } catch (MessageIntake.KeyConflict e) {
            answer(in, replyTo, Map.of("inReplyTo", String.valueOf(messageId), "error", e.getMessage()));
            return;
        }
        if (outcome.rejected() == 0) {
            answer(in, null, null);
            return;
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("inReplyTo", messageId);
        answer.put("accepted", outcome.accepted());
        answer.put("duplicates", outcome.duplicates());
        answer.put("rejected", outcome.rejected());
        answer.put("items", outcome.items());
        answer(in, replyTo, answer);
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
