package org.parkhub.ftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parkhub.fixtures.CsvFixtureWriter;
import org.parkhub.fixtures.ProfileSamples;
import org.parkhub.ingest.csv.CsvProfiles;
import org.parkhub.support.FtpFirm;
import org.parkhub.support.RunningHub;

/** A warehouse's big export: 200,000 rows through FTP, its GBK profile, validation and the journal. */
@Tag("slow") // left out of the quick tier (mvn -Pquick verify); the full run has it
class LargeFileTest {

    static final int ROWS = 200_000;

    @TempDir
    Path dataDir;
    @TempDir
    Path scratch;

    @Test
    void twoHundredThousandRowsAreAcceptedRowByRow() throws Exception {
        Path file = scratch.resolve("big-stock.csv");
        CsvFixtureWriter.write(file, CsvProfiles.load(Path.of("config/profiles")).byName("warehouse-gbk").orElseThrow(),
                ProfileSamples.PARK_ZONE, ProfileSamples.stockMovements(77, ROWS));
        try (RunningHub hub = RunningHub.start(dataDir);
             FtpFirm firm = new FtpFirm(hub.ftpPort(), "WH-QD-01", "demo-ftp-wh-qd-01")) {
            long started = System.nanoTime();
            try (var in = Files.newInputStream(file)) {
                assertThat(firm.client().storeFile("/inbox/stock/big-stock.csv", in)).isTrue();
            }
            List<List<String>> receipt = firm.awaitReceipt("big-stock.csv", Charset.forName("GBK"), 480);
            long seconds = (System.nanoTime() - started) / 1_000_000_000;
            assertThat(receipt).hasSize(ROWS + 2);
            assertThat(receipt.get(ROWS + 1)).startsWith("summary", "ACCEPTED");
            assertThat(receipt.get(ROWS + 1).get(3)).contains("accepted: " + ROWS);
            assertThat(receipt.get(ROWS)).startsWith(String.valueOf(ROWS + 1), "ACCEPTED");
            System.out.printf("200,000-row file: receipt after %d s%n", seconds);
        }
    }
}
