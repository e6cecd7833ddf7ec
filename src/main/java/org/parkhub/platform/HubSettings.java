package org.parkhub.platform;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;
import org.parkhub.alert.AlertSettings;
import org.parkhub.delivery.DeliverySettings;
import org.parkhub.ftp.FtpSettings;

/**
 * The hub's own settings, read once from Camel's properties so that -D, environment variables
 * (PARKHUB_HTTP_PORT) and config/application.properties apply to them exactly as to Camel's.
 */
public record HubSettings(
        Path dataDir,
        String brokerUrl,
        String brokerUser,
        String brokerPassword,
        int brokerPort,
        Path brokerConfigFile,
        String dbUrl,
        String dbUser,
        String dbPassword,
        Path participantsFile,
        Path secretsKeyFile,
        Path routingFile,
        long maxBodyBytes,
        long rateLimitPerSecond,
        long rateLimitBurst,
        long outboxPollMillis,
        int outboxBatchSize,
        ZoneId timeZone,
        FtpSettings ftp,
        Path profilesDir,
        Duration sourceSettle,
        Duration sourcePoll,
        List<Path> sourceFileRoots,
        Duration apiKeyGrace,
        DeliverySettings deliveries,
        long minFreeDiskMb,
        Administration administration,
        AlertSettings alerts,
        Guessing guessing) {

    /**
     * Guessing secrets (API keys, FTP, broker and console passwords): wrong secrets for one account from one client
     * address before that account is locked there for {@code lockout}; wrong secrets from one address, for any
     * accounts, before the address is slowed to one costly check per {@code addressPace}; how many accounts and
     * addresses are tracked at most.
     */
    public record Guessing(int maxFailures, int addressMaxFailures, Duration lockout, Duration addressPace,
                           int maxTracked) {
    }

    /**
     * The console: its users (admins file), how long a session may stay idle and live at most, whether its
     * cookie is marked Secure (set it when the hub is reached over TLS), and the wrong passwords that lock a user at
     * one address (for the lockout of {@link Guessing}).
     */
    public record Administration(Path usersFile, Duration sessionIdle, Duration sessionMaxAge, boolean secureCookie,
                                 int loginMaxFailures) {
    }

    public static HubSettings from(CamelContext context) {
        PropertiesComponent properties = context.getPropertiesComponent();
        Reader read = key -> properties.resolveProperty("parkhub." + key).map(String::trim).orElse("");
        Path dataDir = Path.of(orDefault(read.get("data-dir"), "./data"));
        return new HubSettings(
                dataDir,
                read.get("broker.url"),
                read.get("broker.user"),
                read.get("broker.password"),
                Integer.parseInt(orDefault(read.get("broker.port"), "61616")),
                Path.of(orDefault(read.get("broker.config-file"), "config/broker.xml")),
                read.get("db.url"),
                read.get("db.user"),
                read.get("db.password"),
                Path.of(orDefault(read.get("participants-file"), "config/participants.yaml")),
                read.get("secrets.key-file").isEmpty() ? dataDir.resolve("secrets.key") : Path.of(read.get("secrets.key-file")),
                Path.of(orDefault(read.get("routing-file"), "config/routing.yaml")),
                Long.parseLong(orDefault(read.get("http.max-body-bytes"), "10485760")),
                Long.parseLong(orDefault(read.get("http.rate-limit.per-second"), "50")),
                Long.parseLong(orDefault(read.get("http.rate-limit.burst"), "200")),
                Long.parseLong(orDefault(read.get("outbox.poll-ms"), "100")),
                Integer.parseInt(orDefault(read.get("outbox.batch-size"), "500")),
                ZoneId.of(orDefault(read.get("time-zone"), "Asia/Shanghai")),
                new FtpSettings(orDefault(read.get("ftp.host"), "0.0.0.0"),
                        Integer.parseInt(orDefault(read.get("ftp.port"), "2121")),
                        orDefault(read.get("ftp.passive-ports"), "2130-2139"),
                        read.get("ftp.passive-address"),
                        read.get("ftp.keystore"),
                        read.get("ftp.keystore-password"),
                        Boolean.parseBoolean(orDefault(read.get("ftp.active-enabled"), "true")),
                        Long.parseLong(orDefault(read.get("ftp.max-upload-mb"), "4096")) * 1024 * 1024),
                Path.of(orDefault(read.get("profiles-dir"), "config/profiles")),
                Duration.ofMillis(Long.parseLong(orDefault(read.get("sources.settle-ms"), "5000"))),
                Duration.ofMillis(Long.parseLong(orDefault(read.get("sources.poll-ms"), "10000"))),
                Arrays.stream(read.get("sources.file-roots").split(",")).map(String::trim).filter(root -> !root.isEmpty())
                        .map(Path::of).toList(),
                Duration.ofSeconds(Long.parseLong(orDefault(read.get("api-key.grace-seconds"), "86400"))),
                new DeliverySettings(Integer.parseInt(orDefault(read.get("delivery.max-attempts"), "8")),
                        Duration.ofMillis(Long.parseLong(orDefault(read.get("delivery.retry-base-ms"), "1000"))),
                        Duration.ofMillis(Long.parseLong(orDefault(read.get("delivery.retry-max-ms"), "300000"))),
                        Duration.ofMillis(Long.parseLong(orDefault(read.get("delivery.timeout-ms"), "10000"))),
                        Duration.ofMillis(Long.parseLong(orDefault(read.get("delivery.breaker-open-ms"), "30000"))),
                        Integer.parseInt(orDefault(read.get("delivery.outbox-batch-size"), "500")),
                        Integer.parseInt(orDefault(read.get("delivery.outbox-batch-seconds"), "60")),
                        Boolean.parseBoolean(orDefault(read.get("delivery.allow-internal-targets"), "false"))),
                Long.parseLong(orDefault(read.get("health.min-free-disk-mb"), "512")),
                new Administration(Path.of(orDefault(read.get("admins-file"), "config/admins.yaml")),
                        Duration.ofMinutes(Long.parseLong(orDefault(read.get("admin.session-idle-minutes"), "30"))),
                        Duration.ofHours(Long.parseLong(orDefault(read.get("admin.session-max-hours"), "12"))),
                        Boolean.parseBoolean(orDefault(read.get("admin.secure-cookie"), "false")),
                        Integer.parseInt(orDefault(read.get("admin.login-max-failures"), "5"))),
                new AlertSettings(Duration.ofMinutes(Long.parseLong(orDefault(read.get("alerts.silent-minutes"), "240"))),
                        silenceOf(properties),
                        Double.parseDouble(orDefault(read.get("alerts.max-rejection-rate"), "0.2")),
                        Long.parseLong(orDefault(read.get("alerts.min-messages"), "20")),
                        Long.parseLong(orDefault(read.get("alerts.max-backlog"), "1000")),
                        read.get("alerts.ops-webhook.url"),
                        read.get("alerts.ops-webhook.secret")),
                new Guessing(Integer.parseInt(orDefault(read.get("guessing.max-failures"), "20")),
                        Integer.parseInt(orDefault(read.get("guessing.address-max-failures"), "100")),
                        Duration.ofSeconds(Long.parseLong(orDefault(read.get("guessing.lockout-seconds"), "300"))),
                        Duration.ofMillis(Long.parseLong(orDefault(read.get("guessing.address-pace-ms"), "1000"))),
                        Integer.parseInt(orDefault(read.get("guessing.max-tracked"), "100000"))));
    }

    /** {@code parkhub.alerts.silent-minutes.<participant> = minutes}: a firm's own silence limit. */
    private static Map<String, Duration> silenceOf(PropertiesComponent properties) {
        String prefix = "parkhub.alerts.silent-minutes.";
        Map<String, Duration> limits = new TreeMap<>();
        properties.loadProperties(key -> key.startsWith(prefix)).forEach((key, value) -> limits.put(
                key.toString().substring(prefix.length()), Duration.ofMinutes(Long.parseLong(value.toString().trim()))));
        return limits;
    }

    public boolean embeddedBroker() {
        return brokerUrl.isEmpty();
    }

    public boolean embeddedDatabase() {
        return dbUrl.isEmpty();
    }

    private static String orDefault(String value, String fallback) {
        return value.isEmpty() ? fallback : value;
    }

    @FunctionalInterface
    private interface Reader {
        String get(String key);
    }
}
