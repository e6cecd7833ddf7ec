package org.parkhub.delivery;

import org.apache.camel.Exchange;
import org.parkhub.model.CanonicalMapper;
import org.parkhub.model.Envelope;
import org.parkhub.participant.Participant;
import org.parkhub.participant.ParticipantDirectory;
import org.parkhub.routing.HubHeaders;

/** A recipient's copy as taken from hub.deliver.&lt;recipient&gt;: who it is for, and the envelope, parsed and as sent. */
record QueuedCopy(Participant recipient, Envelope envelope, String envelopeJson) {

    static QueuedCopy from(Exchange exchange, ParticipantDirectory participants) {
        String recipient = exchange.getMessage().getHeader(HubHeaders.RECIPIENT, String.class);
        String envelopeJson = exchange.getMessage().getBody(String.class);
        Participant participant = participants.byId(recipient)
                .orElseThrow(() -> new IllegalStateException("copy for unknown participant " + recipient));
        return new QueuedCopy(participant, CanonicalMapper.readEnvelope(envelopeJson), envelopeJson);
    }
}
