package org.parkhub.platform;

import org.parkhub.config.Setting;
import org.parkhub.config.SettingGroup;
import org.parkhub.config.SettingValues;

/** The journal's database: embedded H2 under the data directory, or the park's PostgreSQL. */
public record DatabaseSettings(String url, String user, String password) {

    public static final Setting URL = Setting.of("db.url", "",
            "empty = embedded H2 under the data directory; else e.g. `jdbc:postgresql://db:5432/parkhub`, PostgreSQL 12 "
                    + "or later (each connection plans its statements for their values: `plan_cache_mode`, decision 0004)");
    public static final Setting USER = Setting.of("db.user", "", "its user");
    public static final Setting PASSWORD = Setting.of("db.password", "", "its password");

    public static final SettingGroup SETTINGS = new SettingGroup("Database", URL, USER, PASSWORD);

    public static DatabaseSettings from(SettingValues values) {
        return new DatabaseSettings(values.text(URL), values.text(USER), values.text(PASSWORD));
    }

    public boolean embedded() {
        return url.isEmpty();
    }
}
