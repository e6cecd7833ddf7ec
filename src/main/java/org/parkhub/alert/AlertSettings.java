package org.parkhub.alert;

import java.time.Duration;
import java.util.Map;

import org.parkhub.config.Setting;
import org.parkhub.config.SettingGroup;
import org.parkhub.config.SettingValues;

/**
 * When the hub raises an alert: a firm silent longer than {@code silence} (per firm in
 * {@code silenceOf}; zero turns it off), a rejection rate above {@code maxRejectionRate} over the last hour
 * once at least {@code minMessages} came, any dead letter, a recipient's backlog above {@code maxBacklog}, the
 * data disk below the health minimum; posted to {@code opsWebhookUrl}
 * (signed with {@code opsWebhookSecret}) when one is set. How often they are checked is the alert-check
 * route's ({@link #CHECK_SECONDS}).
 */
public record AlertSettings(Duration silence, Map<String, Duration> silenceOf, double maxRejectionRate,
        long minMessages, long maxBacklog, String opsWebhookUrl, String opsWebhookSecret) {

    /** Read by routes/administration.camel.yaml. */
    public static final Setting CHECK_SECONDS = Setting.of("alerts.check-seconds", "30", "how often alerts are evaluated");
    public static final Setting SILENT_MINUTES = Setting.of("alerts.silent-minutes", "240",
            "a firm that has sent before and then sends nothing this long raises an alert (`0` = off); per firm: "
                    + "`parkhub.alerts.silent-minutes.<participant id>`");
    public static final Setting MAX_REJECTION_RATE = Setting.of("alerts.max-rejection-rate", "0.2",
            "share of a firm's messages rejected over the last hour that raises an alert");
    public static final Setting MIN_MESSAGES = Setting.of("alerts.min-messages", "20",
            "the rejection rate counts once at least this many messages came in that hour");
    public static final Setting MAX_BACKLOG = Setting.of("alerts.max-backlog", "1000",
            "copies waiting for one recipient that raise an alert");
    public static final Setting OPS_WEBHOOK_URL = Setting.of("alerts.ops-webhook.url", "",
            "alerts raised and cleared are posted here as JSON");
    public static final Setting OPS_WEBHOOK_SECRET = Setting.of("alerts.ops-webhook.secret", "",
            "signs those posts like webhooks (`X-Parkhub-Signature`)");

    public static final SettingGroup SETTINGS = new SettingGroup("Alerts", CHECK_SECONDS, SILENT_MINUTES,
            MAX_REJECTION_RATE, MIN_MESSAGES, MAX_BACKLOG, OPS_WEBHOOK_URL, OPS_WEBHOOK_SECRET);

    public static AlertSettings from(SettingValues values) {
        return new AlertSettings(values.minutes(SILENT_MINUTES),
                values.perName(SILENT_MINUTES, minutes -> Duration.ofMinutes(Long.parseLong(minutes)), "a whole number"),
                values.decimal(MAX_REJECTION_RATE), values.number(MIN_MESSAGES), values.number(MAX_BACKLOG),
                values.text(OPS_WEBHOOK_URL), values.text(OPS_WEBHOOK_SECRET));
    }
}
