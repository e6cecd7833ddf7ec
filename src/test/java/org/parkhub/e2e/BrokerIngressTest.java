package org.parkhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parkhub.customs.CebOrders;
import org.parkhub.customs.CebTransfer;
import org.parkhub.customs.CebXml;
import org.parkhub.fixtures.ParkFixtures;
import org.parkhub.fixtures.RecordEdit;
import org.parkhub.model.Order;
import org.parkhub.support.Demo;
import org.parkhub.support.ParticipantQueue;
import org.parkhub.support.RunningHub;

/** Very mature firms: AMQP 1.0 straight to the broker, the same pipeline, rejections on their own queue. */
class BrokerIngressTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final RunningHub hub = RunningHub.perClass();

    @Test
    void anOrderSentOverAmqpIsRoutedToTheMerchantsQueue() throws Exception {
        try (ParticipantQueue merchant = ParticipantQueue.own(hub.brokerPort(), Demo.MERCHANT, Demo.MERCHANT_KEY);
             Connection platform = connect("PLAT-01", Demo.PLATFORM_KEY)) {
            Session session = platform.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue("parkhub.in.order"));
            producer.send(session.createTextMessage(Demo.exampleOrder().replace("ORD-20261126-0001", "ORD-AMQP-1")));

            TextMessage copy = receiveOrder(merchant, "ORD-AMQP-1");
            assertThat(copy).as("routed copy on hub.deliver.MERCH-01").isNotNull();
            JsonNode envelope = JSON.readTree(copy.getText());
            assertThat(envelope.path("sender").asText()).isEqualTo("PLAT-01");
            assertThat(envelope.path("channel").asText()).isEqualTo("broker");
        }
    }

    @Test
    void anOrderSentTwiceIsOneDocumentAndTheCancelActionCancelsItForItsRecipients() throws Exception {
        String order = Demo.exampleOrder().replace("ORD-20261126-0001", "ORD-AMQP-CANCEL");
        try (ParticipantQueue merchant = ParticipantQueue.own(hub.brokerPort(), Demo.MERCHANT, Demo.MERCHANT_KEY);
             Connection platform = connect("PLAT-01", Demo.PLATFORM_KEY)) {
            Session session = platform.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue("parkhub.in.order"));
            producer.send(session.createTextMessage(order));
            assertThat(receiveOrder(merchant, "ORD-AMQP-CANCEL")).isNotNull();
            // sent again as another broker message: a duplicate, so the cancellation below is revision 2, not 3
            producer.send(session.createTextMessage(order));
            TextMessage cancel = session.createTextMessage(order);
            cancel.setStringProperty("parkhubAction", "cancel");
            producer.send(cancel);

            TextMessage copy = receiveOrder(merchant, "ORD-AMQP-CANCEL");
            assertThat(copy).as("the cancellation's copy").isNotNull();
            assertThat(copy.getStringProperty("parkhubAction")).isEqualTo("cancel");
            assertThat(JSON.readTree(copy.getText()).path("revision").asInt()).isEqualTo(2);
        }
    }

    @Test
    void aRejectedOrderIsAnsweredOnTheSendersOwnQueueNeverOnAnotherFirms() throws Exception {
        try (Connection platform = connect("PLAT-01", Demo.PLATFORM_KEY);
             ParticipantQueue rejections = new ParticipantQueue(hub.brokerPort(), "PLAT-01", Demo.PLATFORM_KEY,
                     "parkhub.rejected.PLAT-01")) {
            Session session = platform.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue("parkhub.in.order"));
            TextMessage broken = session.createTextMessage(Demo.exampleOrder().replace("\"226.93\"", "\"1.00\""));
            // asks for the answer on the merchant's queue: the hub answers on the platform's own instead
            broken.setJMSReplyTo(session.createQueue("hub.deliver." + Demo.MERCHANT));
            broken.setJMSCorrelationID("platform-ref-1");
            producer.send(broken);

            TextMessage answer = rejections.receive(20_000);
            assertThat(answer).isNotNull();
            assertThat(answer.getJMSCorrelationID()).isEqualTo("platform-ref-1");
            JsonNode body = JSON.readTree(answer.getText());
            assertThat(body.path("rejected").asInt()).isEqualTo(1);
            assertThat(body.at("/items/0/errors/0/code").asText()).isEqualTo("PAID_MISMATCH");
        }
    }

    @Test
    void aFirmMaySendOnlyTheTypesItsRolesAllow() throws Exception {
        try (Connection platform = connect("PLAT-01", Demo.PLATFORM_KEY)) {
            Session session = platform.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThatThrownBy(() -> session.createProducer(session.createQueue("parkhub.in.payment")))
                    .isInstanceOf(JMSSecurityException.class);
        }
    }

    @Test
    void aFirmCannotReadAnotherFirmsRejections() {
        assertThatThrownBy(() -> {
            try (ParticipantQueue queue = new ParticipantQueue(hub.brokerPort(), Demo.MERCHANT, Demo.MERCHANT_KEY,
                    "parkhub.rejected.PLAT-01")) {
                queue.receive(500);
            }
        }).isInstanceOf(JMSSecurityException.class);
    }

    @Test
    void customsXmlOnTheCebQueueIsReadInItsOwnEncodingAndRouted() throws Exception {
        Order order = RecordEdit.with(new ParkFixtures(507).transaction().order(), "orderNo", "ORD-AMQP-CEB");
        String xml = CebXml.write(CebOrders.toCeb311(List.of(order), new CebTransfer("3301960ABC", "Demo Platform",
                "DXPENT0000000001"), OffsetDateTime.now(), ZoneId.of("Asia/Shanghai")))
                .replace("encoding=\"UTF-8\"", "encoding=\"GB18030\"");
        try (ParticipantQueue merchant = ParticipantQueue.own(hub.brokerPort(), Demo.MERCHANT, Demo.MERCHANT_KEY);
             Connection platform = connect("PLAT-01", Demo.PLATFORM_KEY);
             ParticipantQueue rejections = new ParticipantQueue(hub.brokerPort(), "PLAT-01", Demo.PLATFORM_KEY,
                     "parkhub.rejected.PLAT-01")) {
            Session session = platform.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue("parkhub.in.ceb"));
            // bytes: the transport names no charset, so the XML declaration decides
            BytesMessage bytes = session.createBytesMessage();
            bytes.writeBytes(xml.getBytes(Charset.forName("GB18030")));
            producer.send(bytes);

            TextMessage copy = receiveOrder(merchant, "ORD-AMQP-CEB");
            assertThat(copy).as("routed copy on hub.deliver.MERCH-01").isNotNull();
            assertThat(JSON.readTree(copy.getText()).at("/payload/consignee/name").asText())
                    .isEqualTo(order.consignee().name());

            // a document the schema refuses is answered with the element it is about
            producer.send(session.createTextMessage(
                    xml.replaceFirst("<(\\w+:)?orderNo>ORD-AMQP-CEB</(\\w+:)?orderNo>", "")));
            TextMessage answer = rejections.receive(20_000);
            assertThat(answer).isNotNull();
            assertThat(JSON.readTree(answer.getText()).path("error").asText())
                    .contains("/CEB311Message/Order/OrderHead/ebpCode: cvc-complex-type.2.4.a").contains("orderNo");
        }
    }

    private static TextMessage receiveOrder(ParticipantQueue queue, String orderNo) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            TextMessage message = queue.receive(deadline - System.currentTimeMillis());
            if (message != null && JSON.readTree(message.getText()).at("/payload/orderNo").asText().equals(orderNo)) {
                return message;
            }
        }
        return null;
    }

    private static Connection connect(String participant, String apiKey) throws Exception {
        Connection connection = new JmsConnectionFactory(participant, apiKey, "amqp://127.0.0.1:" + hub.brokerPort())
                .createConnection();
        connection.start();
        return connection;
    }
}
