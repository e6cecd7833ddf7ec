package org.parkhub.support;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import org.parkhub.config.SettingValues;
import org.parkhub.platform.HubSettings;

/** Hub settings for tests that build parts of the hub: the declared defaults, on loopback and quick to retry. */
public final class TestSettings {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private TestSettings() {
    }

    /** The embedded default under {@code dataDir}. */
    public static HubSettings embedded(Path dataDir) {
        return withDatabase(dataDir, "", "");
    }

    /** The embedded default, but with the given database. */
    public static HubSettings withDatabase(Path dataDir, String dbUrl, String dbUser) {
        Map<String, String> given = new HashMap<>(Map.of(
                "parkhub.data-dir", dataDir.toString(),
                "parkhub.db.url", dbUrl,
                "parkhub.db.user", dbUser,
                "parkhub.broker.port", "0",
                "parkhub.http.max-body-bytes", String.valueOf(1 << 20),
                "parkhub.outbox.batch-size", "100",
                "parkhub.ftp.host", "127.0.0.1",
                "parkhub.ftp.port", "0",
                "parkhub.ftp.passive-address", "127.0.0.1"));
        given.putAll(Map.of(
                "parkhub.delivery.retry-base-ms", "50",
                "parkhub.delivery.retry-max-ms", "1000",
                "parkhub.delivery.timeout-ms", "5000",
                "parkhub.delivery.breaker-open-ms", "1000",
                "parkhub.delivery.outbox-batch-size", "100",
                "parkhub.delivery.outbox-batch-seconds", "1"));
        return HubSettings.from(SettingValues.of(given));
    }
}
