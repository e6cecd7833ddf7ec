package org.parkhub.ftp;

import org.parkhub.config.Setting;
import org.parkhub.config.SettingGroup;
import org.parkhub.config.SettingValues;

/**
 * The embedded FTP server: where it listens, its passive data ports, FTPS when a keystore is set, whether clients
 * may ask for active data connections (only ever to their own address), and the largest file one upload may be.
 */
public record FtpSettings(String host, int port, String passivePorts, String passiveAddress, String keystore,
        String keystorePassword, boolean activeEnabled, long maxUploadBytes) {

    public static final Setting PORT = Setting.of("ftp.port", "2121", "the park's FTP server; `0` picks a free port");
    public static final Setting PASSIVE_PORTS = Setting.of("ftp.passive-ports", "2130-2139",
            "its passive data ports (open them in the firewall)");
    public static final Setting HOST = Setting.of("ftp.host", "0.0.0.0", "the address it listens on");
    public static final Setting PASSIVE_ADDRESS = Setting.of("ftp.passive-address", "",
            "the address it gives clients for passive data; empty = the address the client connected to");
    public static final Setting ACTIVE_ENABLED = Setting.of("ftp.active-enabled", "true",
            "active data connections (PORT/EPRT), only ever to the client's own address; `false` = passive only");
    public static final Setting MAX_UPLOAD_MB = Setting.of("ftp.max-upload-mb", "4096",
            "the largest file one upload may be (MB); a larger one is cut off there and its receipt says so");
    public static final Setting KEYSTORE = Setting.of("ftp.keystore", "",
            "a JKS/PKCS12 keystore turns on explicit FTPS (AUTH TLS)");
    public static final Setting KEYSTORE_PASSWORD = Setting.of("ftp.keystore-password", "", "its password");

    public static final SettingGroup SETTINGS = new SettingGroup("FTP server", PORT, PASSIVE_PORTS, HOST,
            PASSIVE_ADDRESS, ACTIVE_ENABLED, MAX_UPLOAD_MB, KEYSTORE, KEYSTORE_PASSWORD);

    public static FtpSettings from(SettingValues values) {
        return new FtpSettings(values.text(HOST), values.integer(PORT), values.text(PASSIVE_PORTS),
                values.text(PASSIVE_ADDRESS), values.text(KEYSTORE), values.text(KEYSTORE_PASSWORD),
                values.flag(ACTIVE_ENABLED), values.number(MAX_UPLOAD_MB) * 1024 * 1024);
    }
}
