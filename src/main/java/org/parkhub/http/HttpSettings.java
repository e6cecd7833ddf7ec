package org.parkhub.http;

import org.parkhub.config.Setting;
import org.parkhub.config.SettingGroup;
import org.parkhub.config.SettingValues;

/** The REST API's limits: the largest body the hub reads, and each participant's request rate. */
public record HttpSettings(long maxBodyBytes, long rateLimitPerSecond, long rateLimitBurst) {

    /** Read by Camel's HTTP server (config/application.properties). */
    public static final Setting PORT = Setting.of("http.port", "8080",
            "the API, the console and `/observe/*`; `0` picks a free port (logged)");
    public static final Setting TLS = Setting.of("http.tls", "false",
            "`true` serves the HTTP port over TLS only (API, console, `/observe`); set `parkhub.admin.secure-cookie` with it");
    public static final Setting KEYSTORE = Setting.of("http.keystore", "", "the JKS/PKCS12 keystore file for TLS");
    public static final Setting KEYSTORE_PASSWORD = Setting.of("http.keystore-password", "", "its password");
    public static final Setting MAX_BODY_BYTES = Setting.of("http.max-body-bytes", "10485760",
            "largest REST request body read, in bytes; larger → 413 with problem details");
    public static final Setting SERVER_MAX_BODY_BYTES = Setting.of("http.server-max-body-bytes", "67108864",
            "the HTTP server's own absolute cap: bodies beyond it are refused before the hub reads them (plain 413)");
    public static final Setting RATE_LIMIT_PER_SECOND = Setting.of("http.rate-limit.per-second", "50",
            "requests per participant per second after a burst (beyond: 429 with `Retry-After`)");
    public static final Setting RATE_LIMIT_BURST = Setting.of("http.rate-limit.burst", "200", "that burst");

    public static final SettingGroup SETTINGS = new SettingGroup("HTTP", PORT, TLS, KEYSTORE, KEYSTORE_PASSWORD,
            MAX_BODY_BYTES, SERVER_MAX_BODY_BYTES, RATE_LIMIT_PER_SECOND, RATE_LIMIT_BURST);

    public static HttpSettings from(SettingValues values) {
        return new HttpSettings(values.number(MAX_BODY_BYTES), values.number(RATE_LIMIT_PER_SECOND),
                values.number(RATE_LIMIT_BURST));
    }
}
