package org.parkhub.admin;

import java.nio.file.Path;
import java.time.Duration;

import org.parkhub.config.Setting;
import org.parkhub.config.SettingGroup;
import org.parkhub.config.SettingValues;

/**
 * The console: its users (admins file), how long a session may stay idle and live at most, and whether its cookie
 * is marked Secure (set it when the hub is reached over TLS).
 */
public record AdminSettings(Path usersFile, Duration sessionIdle, Duration sessionMaxAge, boolean secureCookie) {

    public static final Setting ADMINS_FILE = Setting.of("admins-file", "config/admins.yaml",
            "the console's administrators, with Argon2id password hashes (make one with "
                    + "`java -cp target/parkhub.jar org.parkhub.admin.AdminPasswordHash`)");
    public static final Setting SESSION_IDLE_MINUTES = Setting.of("admin.session-idle-minutes", "30",
            "a console session ends after this long idle");
    public static final Setting SESSION_MAX_HOURS = Setting.of("admin.session-max-hours", "12",
            "and after this many hours whatever it does");
    public static final Setting SECURE_COOKIE = Setting.of("admin.secure-cookie", "false",
            "mark the session cookie Secure: set `true` when the console is reached over HTTPS");

    public static final SettingGroup SETTINGS = new SettingGroup("Console", ADMINS_FILE, SESSION_IDLE_MINUTES,
            SESSION_MAX_HOURS, SECURE_COOKIE);

    public static AdminSettings from(SettingValues values) {
        return new AdminSettings(values.path(ADMINS_FILE), values.minutes(SESSION_IDLE_MINUTES),
                Duration.ofHours(values.number(SESSION_MAX_HOURS)), values.flag(SECURE_COOKIE));
    }
}
