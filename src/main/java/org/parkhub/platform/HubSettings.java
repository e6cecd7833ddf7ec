package org.parkhub.platform;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;
import org.parkhub.admin.AdminSettings;
import org.parkhub.alert.AlertSettings;
import org.parkhub.config.Setting;
import org.parkhub.config.SettingGroup;
import org.parkhub.config.SettingValues;
import org.parkhub.customs.CustomsSettings;
import org.parkhub.declaration.DeclarationSettings;
import org.parkhub.delivery.DeliverySettings;
import org.parkhub.ftp.FtpSettings;
import org.parkhub.guard.GuessThrottle;
import org.parkhub.http.HttpSettings;
import org.parkhub.ingest.file.FileSettings;
import org.parkhub.participant.ParticipantSettings;
import org.parkhub.routing.RoutingSettings;

/**
 * The hub's settings: its own few (data directory, time zone, disk minimum) and each stage's settings record.
 * Every setting is declared once, in its stage's record ({@link #GROUPS}); the running hub takes its defaults from
 * there and docs/operations.md's table is made from there (decision 0008).
 */
public record HubSettings(
        Path dataDir,
        ZoneId timeZone,
        long minFreeDiskMb,
        DatabaseSettings database,
        BrokerSettings broker,
        ParticipantSettings participants,
        HttpSettings http,
        RoutingSettings routing,
        FtpSettings ftp,
        FileSettings files,
        DeliverySettings deliveries,
        AdminSettings administration,
        AlertSettings alerts,
        GuessThrottle.Limits guessing,
        CustomsSettings customs,
        DeclarationSettings declarations) {

    public static final Setting DATA_DIR = Setting.of("data-dir", "./data",
            "the embedded database and broker, FTP homes, the secrets key");
    public static final Setting TIME_ZONE = Setting.of("time-zone", "Asia/Shanghai",
            "the park's time zone, for journal times and local times in files");
    public static final Setting MIN_FREE_DISK_MB = Setting.of("health.min-free-disk-mb", "512",
            "below this much free space on the data directory's disk the hub is not ready and refuses new data (503)");

    /** Every setting of the hub, in the order the docs list them. */
    public static final List<SettingGroup> GROUPS = List.of(
            new SettingGroup("Hub", DATA_DIR, TIME_ZONE, MIN_FREE_DISK_MB),
            HttpSettings.SETTINGS, DatabaseSettings.SETTINGS, BrokerSettings.SETTINGS, ParticipantSettings.SETTINGS,
            RoutingSettings.SETTINGS, FtpSettings.SETTINGS, FileSettings.SETTINGS, DeliverySettings.SETTINGS,
            AdminSettings.SETTINGS, GuessThrottle.Limits.SETTINGS, AlertSettings.SETTINGS, CustomsSettings.SETTINGS,
            DeclarationSettings.SETTINGS);

    public static HubSettings from(SettingValues values) {
        Path dataDir = values.path(DATA_DIR);
        return new HubSettings(dataDir, ZoneId.of(values.text(TIME_ZONE)), values.number(MIN_FREE_DISK_MB),
                DatabaseSettings.from(values), BrokerSettings.from(values), ParticipantSettings.from(values, dataDir),
                HttpSettings.from(values), RoutingSettings.from(values), FtpSettings.from(values),
                FileSettings.from(values), DeliverySettings.from(values), AdminSettings.from(values),
                AlertSettings.from(values), GuessThrottle.Limits.from(values), CustomsSettings.from(values),
                DeclarationSettings.from(values));
    }

    /** The settings as Camel resolves them: -D, environment variables (PARKHUB_HTTP_PORT), application.properties. */
    public static HubSettings from(CamelContext context) {
        return from(values(context.getPropertiesComponent()));
    }

    /** Every declared default, by full property name: Camel's lowest-priority properties (its "initial" ones). */
    public static Properties defaults() {
        Properties defaults = new Properties();
        GROUPS.forEach(group -> group.settings().forEach(s -> defaults.setProperty(s.property(), s.defaultValue())));
        return defaults;
    }

    /**
     * Given {@code parkhub.*} names that no setting declares: a typo an operator would otherwise hunt for, since the
     * hub would quietly use the default. Per-firm values below a setting ({@code alerts.silent-minutes.<id>}) count
     * as declared.
     */
    public static Set<String> undeclared(Set<String> given) {
        Set<String> declared = GROUPS.stream().flatMap(group -> group.settings().stream()).map(Setting::property)
                .collect(Collectors.toSet());
        return given.stream().filter(name -> name.startsWith(Setting.PREFIX))
                .filter(name -> !declared.contains(name) && !name.startsWith(AlertSettings.SILENT_MINUTES.property() + "."))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static SettingValues values(PropertiesComponent properties) {
        return new SettingValues() {
            @Override
            public String given(String property) {
                return properties.resolveProperty(property).orElse(null);
            }

            @Override
            public Map<String, String> givenUnder(String prefix) {
                Map<String, String> under = new HashMap<>();
                properties.loadProperties(key -> key.startsWith(prefix))
                        .forEach((key, value) -> under.put(key.toString(), value.toString()));
                return under;
            }
        };
    }
}
