package org.parkhub.platform;

import java.nio.file.Path;

import org.parkhub.config.Setting;
import org.parkhub.config.SettingGroup;
import org.parkhub.config.SettingValues;

/** The broker: the embedded Artemis (its port and policy file), or the park's external one. */
public record BrokerSettings(String url, String user, String password, int port, Path configFile) {

    public static final Setting URL = Setting.of("broker.url", "",
            "empty = the embedded broker; else an external Artemis, e.g. `tcp://mq1:61616`");
    public static final Setting USER = Setting.of("broker.user", "", "the external broker's user");
    public static final Setting PASSWORD = Setting.of("broker.password", "", "its password");
    public static final Setting PORT = Setting.of("broker.port", "61616",
            "the embedded broker's TCP acceptor (Core and AMQP), bound to 127.0.0.1; `0` picks a free port");
    public static final Setting CONFIG_FILE = Setting.of("broker.config-file", "config/broker.xml",
            "the embedded broker's delivery policy (redelivery, dead letters)");

    public static final SettingGroup SETTINGS = new SettingGroup("Broker", URL, USER, PASSWORD, PORT, CONFIG_FILE);

    public static BrokerSettings from(SettingValues values) {
        return new BrokerSettings(values.text(URL), values.text(USER), values.text(PASSWORD), values.integer(PORT),
                values.path(CONFIG_FILE));
    }

    public boolean embedded() {
        return url.isEmpty();
    }
}
