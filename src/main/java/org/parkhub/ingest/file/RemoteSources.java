package org.parkhub.ingest.file;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.parkhub.participant.Participant;
import org.parkhub.participant.ParticipantDirectory;
import org.parkhub.participant.RemoteSource;

/**
 * One polling route per remote source, made from the {@code remote-source} route template
 * (routes/remote-sources.camel.yaml). The hub adds the consumer options a safe poll needs unless the
 * source sets them itself: passive binary FTP, a read lock that waits until the file stops changing (Camel
 * has none by default for FTP), a durable idempotent repository, and moving taken files aside.
 */
public class RemoteSources {

    public static final String TEMPLATE = "remote-source";
    /** The bean name of the JDBC idempotent repository the routes share. */
    public static final String REPOSITORY = "remoteFileRepository";

    private final ParticipantDirectory participants;
    private final Duration settle;
    private final Duration pollInterval;

    public RemoteSources(ParticipantDirectory participants, Duration settle, Duration pollInterval) {
        this.participants = participants;
        this.settle = settle;
        this.pollInterval = pollInterval;
    }

    /** Adds a route per source; called once the route templates are loaded. */
    public void install(CamelContext context) throws Exception {
        for (Participant participant : participants.all()) {
            for (int i = 0; i < participant.sources().size(); i++) {
                RemoteSource source = participant.sources().get(i);
                TemplatedRouteBuilder.builder(context, TEMPLATE)
                        .routeId("remote-source-" + participant.id() + "-" + (i + 1))
                        .parameter("sourceUri", consumerUri(participant.id(), source))
                        .parameter("receiptsUri", source.receipts())
                        .parameter("participant", participant.id())
                        .parameter("folder", source.folder())
                        .add();
            }
        }
    }

    String consumerUri(String participantId, RemoteSource source) {
        Map<String, String> options = new LinkedHashMap<>();
        if (source.uri().startsWith("ftp:") || source.uri().startsWith("ftps:")) {
            options.put("passiveMode", "true");
            options.put("binary", "true");
        }
        if (!source.uri().startsWith("file:")) {
            options.put("stepwise", "false");
        }
        options.put("readLock", "changed");
        options.put("readLockMinAge", settle.toMillis() + "");
        options.put("readLockCheckInterval", Math.max(100, settle.toMillis() / 2) + "");
        options.put("readLockTimeout", Math.max(10_000, settle.toMillis() * 10) + "");
        options.put("idempotent", "true");
        options.put("idempotentRepository", "#" + REPOSITORY);
        options.put("idempotentKey", participantId + "/${file:name}-${file:size}-${file:modified}");
        options.put("move", ".parkhub/done");
        options.put("moveFailed", ".parkhub/failed");
        options.put("delay", pollInterval.toMillis() + "");
        StringBuilder uri = new StringBuilder(source.uri());
        for (Map.Entry<String, String> option : options.entrySet()) {
            if (!source.uri().matches(".*[?&]" + option.getKey() + "=.*")) {
                uri.append(uri.indexOf("?") < 0 ? '?' : '&').append(option.getKey()).append('=').append(option.getValue());
            }
        }
        return uri.toString();
    }
}
