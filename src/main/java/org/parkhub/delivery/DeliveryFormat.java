package org.parkhub.delivery;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.parkhub.customs.CebTransfer;
import org.parkhub.customs.CebWriter;
import org.parkhub.model.CanonicalMapper;
import org.parkhub.model.Envelope;
import org.parkhub.model.InventoryDeclaration;
import org.parkhub.participant.Participant;
import org.parkhub.participant.ParticipantDirectory;
import org.parkhub.participant.PartyCode;

/**
 * A copy as its recipient wants it, one document per copy: {@code json} is the envelope (message id, type,
 * sender, keys, payload); {@code xml} the payload as canonical XML; {@code ceb-xml} the customs message it
 * corresponds to ({@link CebWriter}), or canonical XML for messages customs has no form for. The message id
 * and type travel beside the document (request headers, file entries).
 */
public class DeliveryFormat {

    /** The customs code a firm transfers customs messages under, in the order a firm's role suggests. */
    private static final List<PartyCode> TRANSFER_CODES = List.of(PartyCode.EBP, PartyCode.EBC, PartyCode.PAY,
            PartyCode.LOGISTICS, PartyCode.AGENT, PartyCode.WAREHOUSE);

    /** The bytes to send and their media type. */
    public record Rendered(String contentType, byte[] body) {
    }

    private final ParticipantDirectory participants;
    private final ZoneId zone;

    public DeliveryFormat(ParticipantDirectory participants, ZoneId zone) {
        this.participants = participants;
        this.zone = zone;
    }

    public Rendered render(Envelope envelope, String envelopeJson, String format) {
        return switch (format) {
            case "json" -> new Rendered("application/json", envelopeJson.getBytes(StandardCharsets.UTF_8));
            case "xml" -> new Rendered("application/xml", xml(envelope));
            case "ceb-xml" -> CebWriter.write(envelope, transfer(envelope), zone)
                    .map(document -> new Rendered("application/xml", document.getBytes(StandardCharsets.UTF_8)))
                    .orElseGet(() -> new Rendered("application/xml", xml(envelope)));
            default -> throw new IllegalArgumentException("no " + format + " rendering for deliveries");
        };
    }

    /**
     * BaseTransfer names the firm that sent the message: its customs code, name and DXP user number; for a
     * declaration the hub assembled on a broker's behalf, that broker.
     */
    CebTransfer transfer(Envelope envelope) {
        if (envelope.sender().equals(Envelope.HUB_SENDER) && envelope.payload() instanceof InventoryDeclaration d) {
            Optional<Participant> broker = participants.byCode(PartyCode.AGENT, d.agentCode());
            if (broker.isPresent()) {
                return transfer(broker.get().id());
            }
        }
        return transfer(envelope.sender());
    }

    private CebTransfer transfer(String senderId) {
        Optional<Participant> sender = participants.byId(senderId);
        String code = sender.flatMap(p -> TRANSFER_CODES.stream().map(p::code).flatMap(Optional::stream).findFirst())
                .orElse(senderId);
        return new CebTransfer(code, sender.map(Participant::name).orElse(senderId),
                sender.flatMap(p -> p.code(PartyCode.DXP)).orElse(""));
    }

    private static byte[] xml(Envelope envelope) {
        try {
            return CanonicalMapper.xml().writeValueAsBytes(envelope.payload());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + envelope.messageId() + " as XML", e);
        }
    }
}
