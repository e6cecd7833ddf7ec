package org.parkhub.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.parkhub.customs.CebFormatErrors;
import org.parkhub.customs.DxpEnvelope;
import org.parkhub.routing.HubHeaders;

/**
 * Sends the simulated customs' answers back the way customs' own come in: each customs message in a DXP envelope
 * from customs' node to the hub's, on the broker's customs ingress as the customs participant, held by the broker
 * until it is due (Artemis scheduled delivery), so that a restart loses none and each comes when customs would send it.
 */
final class CustomsAnswers {

    /** A customs message and when customs sends it. */
    record Answer(String xml, OffsetDateTime due) {
    }

    /** Artemis holds a message with this property (epoch milliseconds) until then. */
    private static final String SCHEDULED_DELIVERY = "_AMQ_SCHED_DELIVERY";

    private final ConnectionFactory connections;
    private final String address;
    private final String customsParticipant;
    private final String customsDxpId;
    private final String hubDxpId;
    private final Clock clock;

    /** {@code address}: the broker's customs ingress. */
    CustomsAnswers(ConnectionFactory connections, String address, String customsParticipant, String customsDxpId,
            String hubDxpId, Clock clock) {
        this.connections = connections;
        this.address = address;
        this.customsParticipant = customsParticipant;
        this.customsDxpId = customsDxpId;
        this.hubDxpId = hubDxpId;
        this.clock = clock;
    }

    /** Sends them all in one broker transaction: all are on their way, or none. */
    void send(List<Answer> answers) throws JMSException {
        if (answers.isEmpty()) {
            return;
        }
        try (Connection connection = connections.createConnection();
             Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
             MessageProducer producer = session.createProducer(session.createQueue(address))) {
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            long now = clock.millis();
            for (Answer answer : answers) {
                String envelope = DxpEnvelope.wrap(new DxpEnvelope.Message(new DxpEnvelope.TransInfo(CustomsSimulator.guid(),
                        customsDxpId, List.of(hubDxpId), answer.due(), CebFormatErrors.messageTypeOf(answer.xml())),
                        answer.xml().getBytes(StandardCharsets.UTF_8)));
                TextMessage message = session.createTextMessage(envelope);
                // the hub's own connection: the broker keeps the sender it names (SenderStamp)
                message.setStringProperty(HubHeaders.SENDER, customsParticipant);
                long due = answer.due().toInstant().toEpochMilli();
                if (due > now) {
                    message.setLongProperty(SCHEDULED_DELIVERY, due);
                }
                producer.send(message);
            }
            session.commit();
        }
    }
}
