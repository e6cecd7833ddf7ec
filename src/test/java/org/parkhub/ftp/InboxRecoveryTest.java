package org.parkhub.ftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parkhub.support.FtpFirm;
import org.parkhub.support.RunningHub;
import org.parkhub.support.SampleFiles;

/** What the hub finds at start-up: files whose upload completed while it was down, and uploads a crash cut off. */
class InboxRecoveryTest {

    static final Charset GBK = Charset.forName("GBK");

    @TempDir
    Path dataDir;

    @Test
    void filesThatArrivedWhileTheHubWasDownAreProcessedAtStartAndCutOffUploadsAreIncomplete() throws Exception {
        byte[] sample = SampleFiles.warehouseStock("IRT10");
        Path inbox = dataDir.resolve("ftp/WH-QD-01/inbox/stock");
        try (RunningHub hub = RunningHub.start(dataDir)) {
            hub.stop();
            Files.write(inbox.resolve("while-down.csv"), sample);
            Path partial = inbox.resolve("crashed-upload.csv");
            Files.write(partial, Arrays.copyOf(sample, sample.length / 3));
            // the last run recorded the start of that upload and died before its end
            try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dataDir.toAbsolutePath().normalize()
                    .resolve("db/parkhub") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "parkhub", "");
                 PreparedStatement ps = c.prepareStatement("INSERT INTO ftp_upload (path, participant, started_at) VALUES (?, ?, ?)")) {
                ps.setString(1, partial.toAbsolutePath().normalize().toString());
                ps.setString(2, "WH-QD-01");
                ps.setObject(3, OffsetDateTime.now().minusMinutes(5));
                ps.executeUpdate();
            }

            hub.start();
            try (FtpFirm firm = new FtpFirm(hub.ftpPort(), "WH-QD-01", "demo-ftp-wh-qd-01")) {
                List<List<String>> processed = firm.awaitReceipt("while-down.csv", GBK);
                assertThat(processed.get(processed.size() - 1)).startsWith("summary", "ACCEPTED");
                List<List<String>> cutOff = firm.awaitReceipt("crashed-upload.csv", GBK);
                assertThat(cutOff).hasSize(2);
                assertThat(cutOff.get(1)).startsWith("summary", "INCOMPLETE");
            }
            assertThat(inbox).isEmptyDirectory();
        }
    }
}
