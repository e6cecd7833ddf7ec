package org.parkhub.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.Service;
import org.parkhub.guard.OutboundTargets;
import org.parkhub.journal.DeliveryLog;
import org.parkhub.model.Envelope;
import org.parkhub.participant.Delivery;
import org.parkhub.participant.ParticipantDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes a recipient's copies to its webhook, one at a time and in queue order (the route consuming
 * hub.deliver.&lt;recipient&gt; has a single consumer, so copies of one order arrive in the order they were
 * routed). A copy is retried in place with {@link Backoff} until its recipient's attempts are used up, then it
 * becomes a dead letter. While an endpoint's circuit is open the copy waits without spending attempts. The
 * broker transaction stays open throughout: a hub stopped or killed meanwhile delivers the copy after restart.
 */
public class WebhookDelivery implements Service {

    public static final String MESSAGE_ID_HEADER = "X-Parkhub-Message-Id";
    public static final String TYPE_HEADER = "X-Parkhub-Message-Type";
    public static final String SENDER_HEADER = "X-Parkhub-Sender";
    /** Which revision of its document the message is; a revision after the first also names the one it supersedes. */
    public static final String REVISION_HEADER = "X-Parkhub-Revision";
    public static final String SUPERSEDES_HEADER = "X-Parkhub-Supersedes";
    /** What the message does to its document: {@code new}, {@code modify} or {@code cancel}. */
    public static final String ACTION_HEADER = "X-Parkhub-Action";
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDelivery.class);

    private final ParticipantDirectory participants;
    private final DeliveryFormat formats;
    private final DeliveryLog log;
    private final DeliverySettings settings;
    private final Backoff backoff;
    private final Clock clock;
    private final CircuitBreakerRegistry breakers;
    private final HttpClient http;
    private final OutboundTargets targets;
    private final CountDownLatch stopping = new CountDownLatch(1);

    public WebhookDelivery(ParticipantDirectory participants, DeliveryFormat formats, DeliveryLog log,
                           DeliverySettings settings, OutboundTargets targets, Clock clock) {
        this.participants = participants;
        this.targets = targets;
        this.formats = formats;
        this.log = log;
        this.settings = settings;
        this.backoff = new Backoff(settings.retryBase(), settings.retryMax());
        this.clock = clock;
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(10)
                .minimumNumberOfCalls(5)
                .failureRateThreshold(50)
                .waitDurationInOpenState(settings.breakerOpen())
                .permittedNumberOfCallsInHalfOpenState(1)
                .build());
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    /** Delivers the copy in the exchange, or journals it as a dead letter, or leaves it queued when the hub stops. */
    public void deliver(Exchange exchange) throws InterruptedException {
        QueuedCopy copy = QueuedCopy.from(exchange, participants);
        Envelope envelope = copy.envelope();
        String recipient = copy.recipient().id();
        Delivery delivery = copy.recipient().delivery();
        int maxAttempts = delivery.maxAttempts() != null ? delivery.maxAttempts() : settings.maxAttempts();
        DeliveryFormat.Rendered rendered;
        try {
            rendered = formats.render(envelope, copy.envelopeJson(), delivery.format());
        } catch (RuntimeException e) {
            log.dead(envelope.messageId(), recipient, "cannot be written as " + delivery.format() + ": " + e.getMessage());
            return;
        }
        Optional<String> refused = targets.targetProblem(delivery.url()); // again at each copy: names move
        if (refused.isPresent()) {
            log.dead(envelope.messageId(), recipient, refused.get());
            return;
        }
        CircuitBreaker breaker = breakers.circuitBreaker(delivery.url());
        int attempts = log.attempts(envelope.messageId(), recipient);
        String lastError = "no attempt was made";
        while (attempts < maxAttempts) {
            if (!breaker.tryAcquirePermission()) {
                if (stopping(settings.breakerOpen().dividedBy(4), exchange)) {
                    return;
                }
                continue;
            }
            long started = System.nanoTime();
            String failure = post(delivery, envelope, rendered);
            long took = System.nanoTime() - started;
            if (failure == null) {
                breaker.onSuccess(took, TimeUnit.NANOSECONDS);
                log.delivered(envelope.messageId(), recipient, "accepted by " + delivery.url());
                return;
            }
            breaker.onError(took, TimeUnit.NANOSECONDS, new IOException(failure));
            lastError = failure;
            attempts = log.attemptFailed(envelope.messageId(), recipient, failure);
            if (attempts < maxAttempts && stopping(backoff.after(attempts), exchange)) {
                return;
            }
        }
        LOG.warn("copy {} for {} is a dead letter after {} attempts: {}", envelope.messageId(), recipient, attempts, lastError);
        log.dead(envelope.messageId(), recipient, "gave up after " + attempts + " attempts: " + lastError);
    }

    /** One request; the reason it failed, or null when the receiver took it (any 2xx). */
    private String post(Delivery delivery, Envelope envelope, DeliveryFormat.Rendered rendered) throws InterruptedException {
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(delivery.url()))
                .timeout(settings.timeout())
                .header("Content-Type", rendered.contentType())
                .header(MESSAGE_ID_HEADER, envelope.messageId())
                .header(TYPE_HEADER, envelope.type().path())
                .header(SENDER_HEADER, envelope.sender())
                .header(REVISION_HEADER, Integer.toString(envelope.revision()))
                .header(ACTION_HEADER, envelope.action().code())
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSignature.HEADER, WebhookSignature.sign(delivery.secret(), timestamp, rendered.body()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(rendered.body()));
        if (envelope.supersedes() != null) {
            request.header(SUPERSEDES_HEADER, envelope.supersedes());
        }
        try {
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                return null;
            }
            // the receiver's answer is not kept: the sender of the message sees this reason, and it may tell the
            // receiver's internals
            return "HTTP " + response.statusCode() + " from the receiver";
        } catch (HttpTimeoutException e) {
            return "no answer within " + settings.timeout().toMillis() + " ms";
        } catch (IOException e) {
            return "cannot reach " + delivery.url() + ": " + e;
        }
    }

    /**
     * Waits; true when the hub began stopping meanwhile: the broker transaction is then rolled back, and the
     * copy waits in its queue for the restart.
     */
    private boolean stopping(Duration wait, Exchange exchange) throws InterruptedException {
        if (stopping.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
            exchange.setRollbackOnly(true);
            return true;
        }
        return false;
    }

    @Override
    public void start() {
        // nothing to start: the routes bring the copies
    }

    @Override
    public void stop() {
        stopping.countDown();
    }
}
