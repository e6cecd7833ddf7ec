package org.parkhub.participant;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.parkhub.guard.OutboundTargets;

/**
 * How a participant wants its messages: channel {@code queue}, {@code ftp} or {@code webhook}, and format
 * {@code json}, {@code xml}, {@code csv} or {@code ceb-xml}. The webhook secret is kept only to sign requests;
 * {@code maxAttempts}, when set, replaces the hub's number of attempts per copy for this participant;
 * {@code batchSize} and {@code batchSeconds} the hub's batching of FTP outbox files.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Delivery(String channel, String format, String url, String secret, Integer maxAttempts,
                       Integer batchSize, Integer batchSeconds) {

    public static final String WEBHOOK = "webhook";
    public static final String FTP = "ftp";
    public static final String CEB_XML = "ceb-xml";

    /** Never prints the webhook secret (participants end up in logs and error messages). */
    @Override
    public String toString() {
        return "Delivery[channel=" + channel + ", format=" + format + ", url=" + url
                + (secret == null ? "" : ", secret=***") + (maxAttempts == null ? "" : ", maxAttempts=" + maxAttempts)
                + (batchSize == null ? "" : ", batchSize=" + batchSize)
                + (batchSeconds == null ? "" : ", batchSeconds=" + batchSeconds) + "]";
    }

    /** What is wrong with the settings, or null. */
    public String problem() {
        if (!List.of("queue", FTP, WEBHOOK).contains(channel)) {
            return "delivery channel must be queue, ftp or webhook, not " + channel;
        }
        if (!List.of("json", "xml", "csv", "ceb-xml").contains(format)) {
            return "delivery format must be json, xml, csv or ceb-xml, not " + format;
        }
        if (maxAttempts != null && maxAttempts < 1) {
            return "delivery maxAttempts must be at least 1";
        }
        if (batchSize != null && batchSize < 1 || batchSeconds != null && batchSeconds < 1) {
            return "delivery batchSize and batchSeconds must be at least 1";
        }

        if (webhook()) {
            Optional<String> urlProblem = OutboundTargets.syntaxProblem(url);
            if (urlProblem.isPresent()) {
                return urlProblem.get();
            }
            if (secret == null || secret.length() < 16) {
                return "a webhook delivery needs a signing secret of at least 16 characters";
            }
            if ("csv".equals(format)) {
                return "webhooks are delivered as json, xml or ceb-xml, not csv";
            }
        }
        return null;
    }

    /** The same settings with another webhook secret (sealed, opened, or kept from before). */
    public Delivery withSecret(String newSecret) {
        return new Delivery(channel, format, url, newSecret, maxAttempts, batchSize, batchSeconds);
    }

    public boolean ftp() {
        return FTP.equals(channel);
    }

    public boolean webhook() {
        return WEBHOOK.equals(channel);
    }

    public static Delivery defaultQueue() {
        return new Delivery("queue", "json", null, null, null, null, null);
    }
}
