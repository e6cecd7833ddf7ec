package org.parkhub.ftp;

/**
 * The embedded FTP server: where it listens, its passive data ports, FTPS when a keystore is set, whether clients
 * may ask for active data connections (only ever to their own address), and the largest file one upload may be.
 */
public record FtpSettings(String host, int port, String passivePorts, String passiveAddress, String keystore,
        String keystorePassword, boolean activeEnabled, long maxUploadBytes) {
}
