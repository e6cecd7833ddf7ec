package org.parkhub.ftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPSClient;
import org.apache.commons.net.util.TrustManagerUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parkhub.support.RunningHub;
import org.parkhub.support.SampleFiles;
import org.parkhub.support.TestKeystore;

/** With a keystore configured, the FTP server offers explicit FTPS (AUTH TLS) and files travel encrypted. */
class FtpsTest {

    @TempDir
    Path dataDir;

    @Test
    void uploadsOverExplicitTls() throws Exception {
        Path keystore = TestKeystore.create(dataDir.resolve("ftp.p12"));

        try (RunningHub hub = RunningHub.start(dataDir.resolve("hub"), Map.of(
                "parkhub.ftp.keystore", keystore.toString(),
                "parkhub.ftp.keystore-password", TestKeystore.PASSWORD))) {
            FTPSClient client = new FTPSClient(false); // explicit: AUTH TLS on the plain port
            client.setTrustManager(TrustManagerUtils.getAcceptAllTrustManager()); // the test's self-signed key
            client.connect("127.0.0.1", hub.ftpPort());
            try {
                assertThat(client.login("WH-QD-01", "demo-ftp-wh-qd-01")).isTrue();
                client.execPBSZ(0);
                client.execPROT("P");
                client.enterLocalPassiveMode();
                client.setFileType(FTP.BINARY_FILE_TYPE);
                byte[] sample = SampleFiles.warehouseStock("FT11");
                assertThat(client.storeFile("/inbox/stock/secure.csv", new ByteArrayInputStream(sample))).isTrue();
                byte[] receipt = await().atMost(Duration.ofSeconds(60)).until(() -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    return client.retrieveFile("/receipts/secure.csv.receipt.csv", out) ? out.toByteArray() : null;
                }, r -> r != null);
                assertThat(new String(receipt, "GBK")).contains("summary,ACCEPTED");
            } finally {
                client.disconnect();
            }
        }
    }
}
