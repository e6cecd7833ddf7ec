package org.parkhub.http;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Per-participant request rate limits (token buckets, Bucket4j): a firm may burst up to {@code burst}
 * requests and then {@code perSecond} a second; one firm's flood does not slow the others.
 */
public class RequestRateLimits {

    private final long perSecond;
    private final long burst;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RequestRateLimits(long perSecond, long burst) {
        this.perSecond = perSecond;
        this.burst = burst;
    }

    /** Empty when the request may go on; otherwise how long the participant should wait. */
    public Optional<Duration> retryAfter(String participantId) {
        Bucket bucket = buckets.computeIfAbsent(participantId, id -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(burst).refillGreedy(perSecond, Duration.ofSeconds(1)).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }
}
