package org.parkhub.ingest.file;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.commons.lang3.exception.ExceptionUtils;
import org.parkhub.participant.Participant;
import org.parkhub.participant.ParticipantDirectory;
import org.parkhub.participant.ParticipantPolicy;
import org.parkhub.participant.RemoteSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One polling route per remote source, made from the {@code remote-source} route template
 * (routes/remote-sources.camel.yaml). The hub adds the consumer options a safe poll needs unless the
 * source sets them itself: passive binary FTP, a read lock that waits until the file stops changing (Camel
 * has none by default for FTP), a durable idempotent repository, and moving taken files aside.
 * <p>
 * A source is one firm's: one that breaks the park's rules or cannot start (a wrong option, a server that does
 * not exist) is left out and reported ({@link #failures()}: health detail, alert, console), and the hub and every
 * other source go on.
 */
public class RemoteSources {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteSources.class);

    public static final String TEMPLATE = "remote-source";
    /** The bean name of the JDBC idempotent repository the routes share. */
    public static final String REPOSITORY = "remoteFileRepository";

    /** A source left out: whose, which (masked), and why. */
    public record Failure(String participant, String source, String reason) {
    }

    private final ParticipantDirectory participants;
    private final ParticipantPolicy policy;
    private final Duration settle;
    private final Duration pollInterval;
    private final Map<String, Failure> failures = new ConcurrentHashMap<>();

    public RemoteSources(ParticipantDirectory participants, ParticipantPolicy policy, Duration settle, Duration pollInterval) {
        this.participants = participants;
        this.policy = policy;
        this.settle = settle;
        this.pollInterval = pollInterval;
    }

    /** Adds and starts a route per source; called once the hub has started, so that each source starts on its own. */
    public void install(CamelContext context) {
        for (Participant participant : participants.all()) {
            for (int i = 0; i < participant.sources().size(); i++) {
                RemoteSource source = participant.sources().get(i);
                String routeId = "remote-source-" + participant.id() + "-" + (i + 1);
                Optional<String> refused = Optional.ofNullable(source.problem()).or(() -> source.outsideRoots(policy.sourceRoots()));
                if (refused.isPresent()) {
                    fail(routeId, participant, source, refused.get());
                    continue;
                }
                try {
                    TemplatedRouteBuilder.builder(context, TEMPLATE)
                            .routeId(routeId)
                            .parameter("sourceUri", consumerUri(participant.id(), source))
                            .parameter("receiptsUri", source.receipts())
                            .parameter("participant", participant.id())
                            .parameter("folder", source.folder())
                            .add();
                } catch (RuntimeException e) {
                    removeQuietly(context, routeId);
                    fail(routeId, participant, source, "cannot start: " + ExceptionUtils.getRootCauseMessage(e));
                }
            }
        }
    }

    /** The sources left out, by route id. */
    public Map<String, Failure> failures() {
        return Map.copyOf(failures);
    }

    private void fail(String routeId, Participant participant, RemoteSource source, String reason) {
        failures.put(routeId, new Failure(participant.id(), source.describe(), reason));
        LOG.error("participant {}: source {} is left out: {}; correct it in the console", participant.id(),
                source.describe(), reason);
    }

    private static void removeQuietly(CamelContext context, String routeId) {
        try {
            if (context.getRoute(routeId) != null) {
                context.getRouteController().stopRoute(routeId);
                context.removeRoute(routeId);
            }
        } catch (Exception e) {
            LOG.warn("source route {} could not be removed after it failed to start: {}", routeId, e.getMessage());
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
