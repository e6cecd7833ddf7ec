package org.parkhub.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parkhub.fixtures.CsvFixtureWriter;
import org.parkhub.fixtures.ProfileSamples;
import org.parkhub.ingest.csv.CsvProfiles;
import org.parkhub.journal.Statements;
import org.parkhub.platform.Database;
import org.parkhub.support.ChildHub;
import org.parkhub.support.Demo;
import org.parkhub.support.FtpFirm;
import org.parkhub.support.TestSettings;

/**
 * SIGTERM in the middle of a large file: the hub stops within its shutdown timeout, parks the file half done,
 * and after the restart finishes it: one receipt, every row journaled exactly once.
 */
@Tag("slow") // left out of the quick tier (mvn -Pquick verify); the full run has it
class GracefulShutdownTest {

    private static final int ROWS = 30_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path work;

    @Test
    void aFileCutByAShutdownIsFinishedAfterTheRestartExactlyOnce() throws Exception {
        Path export = work.resolve("stock-export.csv");
        CsvFixtureWriter.write(export, CsvProfiles.load(Path.of("config/profiles")).byName("warehouse-gbk").orElseThrow(),
                ProfileSamples.PARK_ZONE, ProfileSamples.stockMovements(61, ROWS));
        ChildHub hub = new ChildHub(work.resolve("data"));
        Files.createDirectories(hub.dataDir());
        try {
            hub.start();
            try (FtpFirm warehouse = new FtpFirm(hub.ftpPort(), "WH-QD-01", "demo-ftp-wh-qd-01")) {
                assertThat(warehouse.upload("/inbox/stock/stock-export.csv", Files.readAllBytes(export))).isTrue();
            }
            // stopped while the file is being journaled
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100)).until(() -> {
                JsonNode file = file(hub);
                return file != null && file.path("rowsDone").asInt() > 0;
            });
            long stopping = System.nanoTime();
            hub.stop();
            assertThat(Duration.ofNanos(System.nanoTime() - stopping)).as("stopped within the shutdown timeout")
                    .isLessThan(Duration.ofSeconds(30));

            hub.start();
            List<List<String>> receipt;
            try (FtpFirm warehouse = new FtpFirm(hub.ftpPort(), "WH-QD-01", "demo-ftp-wh-qd-01")) {
                receipt = warehouse.awaitReceipt("stock-export.csv", Charset.forName("GBK"), 180);
                assertThat(warehouse.client().listNames("/receipts")).as("one receipt").hasSize(1);
            }
            assertThat(receipt.get(receipt.size() - 1)).startsWith("summary", "ACCEPTED");
            assertThat(receipt).hasSize(ROWS + 2);
            hub.stop();
        } finally {
            hub.killIfAlive();
        }
        try (HikariDataSource db = Database.open(TestSettings.embedded(hub.dataDir()))) {
            assertThat(Statements.query(db, "rows", "SELECT COUNT(*), COUNT(DISTINCT file_row) FROM message WHERE file_id IS NOT NULL",
                    ps -> { }, rs -> List.of(rs.getLong(1), rs.getLong(2))).get(0))
                    .as("rows journaled, distinct rows").containsExactly((long) ROWS, (long) ROWS);
        }
    }

    /** The uploaded file as the administrators' API lists it, or null before it is listed. */
    private static JsonNode file(ChildHub hub) throws Exception {
        HttpResponse<String> files = HTTP.send(HttpRequest.newBuilder(hub.url("/api/v1/admin/files"))
                .header("Authorization", "Bearer " + Demo.ADMIN_KEY).build(), HttpResponse.BodyHandlers.ofString());
        for (JsonNode file : JSON.readTree(files.body()).path("files")) {
            if (file.path("fileName").asText().equals("stock-export.csv")) {
                return file;
            }
        }
        return null;
    }
}
