package org.parkhub.support;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.parkhub.alert.AlertSettings;
import org.parkhub.delivery.DeliverySettings;
import org.parkhub.ftp.FtpSettings;
import org.parkhub.platform.HubSettings;

/** Hub settings as config/application.properties gives them, for tests that build parts of the hub. */
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
        return new HubSettings(dataDir, "", "", "", 0, Path.of("config/broker.xml"), dbUrl, dbUser, "",
                Path.of("config/participants.yaml"), dataDir.resolve("secrets.key"), Path.of("config/routing.yaml"), 1 << 20, 50, 200, 100, 100, ZONE,
                new FtpSettings("127.0.0.1", 0, "2130-2139", "127.0.0.1", "", "", true,
                        4096L * 1024 * 1024), Path.of("config/profiles"),
                Duration.ofSeconds(5), Duration.ofSeconds(10), List.of(), Duration.ofDays(1),
                new DeliverySettings(8, Duration.ofMillis(50), Duration.ofSeconds(1), Duration.ofSeconds(5),
                        Duration.ofSeconds(1), 100, 1, false), 512,
                new HubSettings.Administration(Path.of("config/admins.yaml"), Duration.ofMinutes(30), Duration.ofHours(12),
                        false, 5),
                new AlertSettings(Duration.ofHours(4), Map.of(), 0.2, 20, 1000, "", ""),
                new HubSettings.Guessing(20, 100, Duration.ofMinutes(5), Duration.ofSeconds(1), 100_000));
    }
}
