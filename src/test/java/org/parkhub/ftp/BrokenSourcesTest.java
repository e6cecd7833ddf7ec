package org.parkhub.ftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parkhub.support.ConsoleClient;
import org.parkhub.support.Demo;
import org.parkhub.support.RunningHub;
import org.parkhub.support.SampleFiles;

/**
 * Remote sources that may not or cannot run (issue 22 rows 10, 11): one outside the park's source roots (a copy of
 * /etc standing in for it), one with an option Camel does not know; each is left out and reported, nothing of
 * /etc is moved, and the hub and the firm's good source run on. The admin API refuses such sources up front and
 * audits where a source polls.
 */
class BrokenSourcesTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;
    @TempDir
    Path roots;
    @TempDir
    Path systemFiles;

    @Test
    void aSourceThatMayNotOrCannotRunIsReportedAndTheHubAndTheOthersGoOn() throws Exception {
        Path root = Files.createDirectories(roots.resolve("sources"));
        for (String dir : new String[] {"good/export", "good/receipts", "typo/export", "typo/receipts"}) {
            Files.createDirectories(root.resolve(dir));
        }
        Files.writeString(systemFiles.resolve("passwd"), "root:x:0:0::/root:/bin/sh\n");
        String participants = Files.readString(Path.of("config/participants.yaml")).replace(
                "    profiles: {stock: warehouse-gbk}\n",
                "    profiles: {stock: warehouse-gbk}\n"
                        + "    sources:\n"
                        + "      - {folder: stock, uri: 'file:" + systemFiles + "', receipts: 'file:" + root.resolve("good/receipts") + "'}\n"
                        + "      - {folder: stock, uri: 'file:" + root.resolve("typo/export") + "?noSuchOption=1',"
                        + " receipts: 'file:" + root.resolve("typo/receipts") + "'}\n"
                        + "      - {folder: stock, uri: 'file:" + root.resolve("good/export") + "',"
                        + " receipts: 'file:" + root.resolve("good/receipts") + "'}\n");
        Path participantsFile = dataDir.resolve("participants.yaml");
        Files.createDirectories(dataDir);
        Files.writeString(participantsFile, participants);
        try (RunningHub hub = RunningHub.start(dataDir.resolve("hub"), Map.of("parkhub.participants-file",
                participantsFile.toString(), "parkhub.sources.poll-ms", "300", "parkhub.sources.settle-ms", "500",
                "parkhub.sources.file-roots", root.toString(), "parkhub.alerts.check-seconds", "1"))) {
            Files.write(root.resolve("good/export/stock.csv"), SampleFiles.warehouseStock("BST9"));
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(root.resolve("good/receipts/stock.csv.receipt.csv")));

            JsonNode health = JSON.readTree(hub.get("/observe/health?data=true", null).body());
            assertThat(health.path("status").asText()).isEqualTo("UP");
            JsonNode sources = find(health.path("checks"), "remote-sources").path("data");
            assertThat(sources.path("failed").asInt()).isEqualTo(2);
            assertThat(sources.path("remote-source-WH-QD-01-1").asText()).contains("parkhub.sources.file-roots");
            assertThat(sources.path("remote-source-WH-QD-01-2").asText()).contains("cannot start").contains("noSuchOption");

            JsonNode alerts = JSON.readTree(await().atMost(Duration.ofSeconds(30)).until(
                    () -> hub.get("/api/v1/admin/alerts", Demo.ADMIN_KEY).body(), body -> body.contains("SOURCE_FAILED")));
            assertThat(alerts.toString()).contains("remote-source-WH-QD-01-1").contains("remote-source-WH-QD-01-2");
            assertThat(systemFiles.resolve("passwd")).as("nothing outside the roots was taken").exists();
            assertThat(systemFiles.resolve(".parkhub")).doesNotExist();

            ConsoleClient console = ConsoleClient.login(hub, Demo.ADMIN_USER, Demo.ADMIN_PASSWORD);
            String form = """
                    {"id": "WMS-NEW", "name": "New WMS", "roles": ["WAREHOUSE"], "codes": {"warehouseCode": "WMSNEW1"},
                     "sources": [{"folder": "stock", "uri": "URI", "receipts": "file:%s"}]}""".formatted(root.resolve("n/r"));
            HttpResponse<String> classRef = console.post("/api/v1/admin/participants", form.replace("URI",
                    "file:" + root.resolve("n/e") + "?exclusiveReadLockStrategy=#class:org.example.Evil"));
            assertThat(classRef.statusCode()).isEqualTo(422);
            assertThat(classRef.body()).contains("may not refer to a bean or class");
            HttpResponse<String> outside = console.post("/api/v1/admin/participants", form.replace("URI", "file:/etc"));
            assertThat(outside.statusCode()).isEqualTo(422);
            assertThat(outside.body()).contains("parkhub.sources.file-roots");
            HttpResponse<String> fine = console.post("/api/v1/admin/participants", form.replace("URI",
                    "file:" + root.resolve("n/e")));
            assertThat(fine.statusCode()).as(fine.body()).isEqualTo(201);
            String audit = hub.get("/api/v1/admin/audit?limit=5", Demo.ADMIN_KEY).body();
            assertThat(audit).contains("participant-created").contains(root.resolve("n/e").toString());
        }
    }

    private static JsonNode find(JsonNode checks, String id) {
        for (JsonNode check : checks) {
            if (check.path("name").asText().equals(id)) {
                return check;
            }
        }
        throw new AssertionError("no health check " + id + " in " + checks);
    }
}
