package org.parkhub.alert;

import java.time.Duration;
import java.util.Map;

/**
 * When the hub raises an alert: a firm silent longer than {@code silence} (per firm in
 * {@code silenceOf}; zero turns it off), a rejection rate above {@code maxRejectionRate} over the last hour
 * once at least {@code minMessages} came, any dead letter, a recipient's backlog above {@code maxBacklog}, the
 * data disk below the health minimum; posted to {@code opsWebhookUrl}
 * (signed with {@code opsWebhookSecret}) when one is set. How often they are checked is the alert-check
 * route's (parkhub.alerts.check-seconds).
 */
public record AlertSettings(Duration silence, Map<String, Duration> silenceOf, double maxRejectionRate,
        long minMessages, long maxBacklog, String opsWebhookUrl, String opsWebhookSecret) {
}
