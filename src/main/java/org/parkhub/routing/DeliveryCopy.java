package org.parkhub.routing;

import java.util.LinkedHashMap;
import java.util.Map;

import org.parkhub.model.Envelope;

/** The headers of a recipient's copy on hub.deliver.&lt;recipient&gt;, as the router and a replay send it. */
public final class DeliveryCopy {

    private DeliveryCopy() {
    }

    /**
     * {@code duplicateId} lets the broker drop a copy sent twice (a router retrying after a crash); a replay
     * needs one of its own, or the broker would take it for that duplicate.
     */
    public static Map<String, Object> headers(Envelope envelope, String recipient, String duplicateId) {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put(HubHeaders.MESSAGE_ID, envelope.messageId());
        headers.put(HubHeaders.TYPE, envelope.type().path());
        headers.put(HubHeaders.SENDER, envelope.sender());
        headers.put(HubHeaders.RECIPIENT, recipient);
        headers.put(HubHeaders.REVISION, envelope.revision());
        headers.put(HubHeaders.ACTION, envelope.action().code());
        if (envelope.supersedes() != null) {
            headers.put(HubHeaders.SUPERSEDES, envelope.supersedes());
        }
        headers.put(HubHeaders.DUPLICATE_ID, duplicateId);
        return headers;
    }
}
