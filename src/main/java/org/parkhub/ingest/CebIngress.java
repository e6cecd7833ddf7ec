package org.parkhub.ingest;

import java.util.Optional;

import org.apache.camel.Exchange;
import org.parkhub.customs.CebDocuments;
import org.parkhub.customs.CustomsXmlException;
import org.parkhub.http.ApiGate;
import org.parkhub.http.Problem;
import org.parkhub.model.Channel;
import org.parkhub.participant.Participant;

/**
 * {@code POST /api/v1/ceb}: customs XML (CEB messages) from platforms and the customs gateway. The document
 * becomes canonical payloads and takes the same pipeline as the canonical API, with the same answers.
 */
public class CebIngress {

    private final ApiGate gate;
    private final MessageIntake intake;
    private final long maxBodyBytes;
    private final CebReading reading;

    public CebIngress(ApiGate gate, MessageIntake intake, long maxBodyBytes, CebReading reading) {
        this.gate = gate;
        this.intake = intake;
        this.maxBodyBytes = maxBodyBytes;
        this.reading = reading;
    }

    public void post(Exchange exchange) {
        Optional<Participant> sender = gate.caller(exchange);
        if (sender.isEmpty()) {
            return;
        }
        if (!gate.takesWork(exchange)) {
            return;
        }
        Optional<RequestBody> request = RequestBody.of(exchange, maxBodyBytes, "application/xml", "text/xml");
        if (request.isEmpty()) {
            return;
        }
        String contentType = request.get().contentType();
        byte[] body = request.get().bytes();
        CebReading.Read read;
        try {
            read = reading.read(XmlText.decode(body, request.get().charsetName()));
        } catch (CustomsXmlException | MalformedInputException e) {
            Problem.of(400, "malformed-ceb", "Customs message not readable", e.getMessage()).writeTo(exchange);
            return;
        }
        CebDocuments.Content content = read.content();
        if (!intake.maySend(sender.get(), content.type())) {
            Problem.of(403, "not-permitted", "Not permitted", sender.get().id() + " (" + sender.get().roles()
                    + ") may not send " + content.messageCode()).writeTo(exchange);
            return;
        }
        RestIngress.intakeAndAnswer(exchange, intake, sender.get(), content.type(), read.items(), Channel.CEB_XML,
                contentType, body, read.signed());
    }
}
