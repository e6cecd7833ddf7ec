package org.parkhub.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.apache.camel.Exchange;
import org.apache.camel.util.URISupport;
import org.parkhub.customs.CebFormatErrors;
import org.parkhub.customs.CebSigner;
import org.parkhub.customs.CebTransfer;
import org.parkhub.customs.CebWriter;
import org.parkhub.customs.CustomsXmlException;
import org.parkhub.customs.DxpEnvelope;
import org.parkhub.journal.DeliveryLog;
import org.parkhub.model.CanonicalMapper;
import org.parkhub.model.Envelope;
import org.parkhub.model.InventoryDeclaration;
import org.parkhub.routing.HubHeaders;

/**
 * What the hub sends to customs, as the China E-Port takes it: each copy routed to the customs participant as its
 * customs message, signed when it is a declaration (CEB621, 623, 625, 711: {@code appStatus} 2, DOMAIN.md section 3),
 * in a DXP envelope from the sender's DXP node to customs'. The gateway route sends the envelope on to the configured
 * endpoint (the built-in simulator, a directory, FTP, an address on the broker or HTTP).
 */
public class CustomsGateway {

    /** The documents customs wants signed. */
    static final Set<String> SIGNED = Set.of("CEB621Message", "CEB623Message", "CEB625Message", "CEB711Message");

    private static final String MESSAGE_ID = "parkhubMessageId";
    private static final String RECIPIENT = "parkhubRecipient";

    private final DeliveryFormat formats;
    private final DeliveryLog log;
    private final Supplier<CebSigner> signer;
    private final String hubDxpId;
    private final String receiverId;
    private final Clock clock;
    private final ZoneId zone;

    /** {@code signer}: asked for on the first declaration (a demo key is made then, not at start-up). */
    public CustomsGateway(DeliveryFormat formats, DeliveryLog log, Supplier<CebSigner> signer, String hubDxpId,
            String receiverId, Clock clock, ZoneId zone) {
        this.formats = formats;
        this.log = log;
        this.signer = signer;
        this.hubDxpId = hubDxpId;
        this.receiverId = receiverId;
        this.clock = clock;
        this.zone = zone;
    }

    /** The copy (envelope JSON) becomes its DXP message; a copy customs has no form for is refused. */
    public void envelope(Exchange exchange) throws CustomsXmlException {
        Envelope envelope = CanonicalMapper.readEnvelope(exchange.getMessage().getBody(String.class));
        String dxp = dxp(envelope);
        // the copy's own headers stay behind: a file, FTP or HTTP endpoint would send them on
        exchange.setProperty(MESSAGE_ID, envelope.messageId());
        exchange.setProperty(RECIPIENT, exchange.getMessage().getHeader(HubHeaders.RECIPIENT, String.class));
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.FILE_NAME, envelope.messageId() + ".xml");
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/xml; charset=UTF-8");
        exchange.getMessage().setBody(dxp);
    }

    /** The endpoint took it: the copy is delivered, as far as the hub can know. */
    public void sent(Exchange exchange) {
        log.delivered(exchange.getProperty(MESSAGE_ID, String.class), exchange.getProperty(RECIPIENT, String.class),
                "sent to customs at " + URISupport.sanitizeUri(exchange.getProperty(Exchange.TO_ENDPOINT, String.class)));
    }

    String dxp(Envelope envelope) throws CustomsXmlException {
        if (envelope.payload() instanceof InventoryDeclaration d && d.isDraft()) {
            throw new IllegalArgumentException("declaration draft " + d.copNo() + " is its broker's to confirm, not"
                    + " customs' to receive: check the routing to customs");
        }
        CebTransfer transfer = formats.transfer(envelope);
        String xml = CebWriter.write(envelope, transfer, zone).orElseThrow(() -> new IllegalArgumentException(
                envelope.type().path() + " " + envelope.messageId() + " has no customs form: check the routing to customs"));
        String messageType = CebFormatErrors.messageTypeOf(xml);
        if (SIGNED.contains(messageType)) {
            xml = signer.get().sign(xml);
        }
        String sender = transfer.dxpId() == null || transfer.dxpId().isBlank() ? hubDxpId : transfer.dxpId();
        return DxpEnvelope.wrap(new DxpEnvelope.Message(new DxpEnvelope.TransInfo(envelope.messageId(), sender,
                List.of(receiverId), OffsetDateTime.now(clock.withZone(zone)), messageType),
                xml.getBytes(StandardCharsets.UTF_8)));
    }
}
