package org.parkhub.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.net.ftp.FTPClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parkhub.support.ConsoleClient;
import org.parkhub.support.Demo;
import org.parkhub.support.FtpFirm;
import org.parkhub.support.RunningHub;

/** The admin API the console uses, on a real hub: participants, routes, files, messages, overview, alerts. */
class AdminApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Charset GBK = Charset.forName("GBK");

    @RegisterExtension
    static final RunningHub hub = RunningHub.perClass(Map.of("parkhub.alerts.check-seconds", "1",
            "parkhub.alerts.min-messages", "2", "parkhub.alerts.max-rejection-rate", "0.3"));
    static ConsoleClient console;

    @BeforeAll
    static void start() throws Exception {
        console = ConsoleClient.login(hub, Demo.ADMIN_USER, Demo.ADMIN_PASSWORD);
    }

    @Test
    void aFirmOnboardedAtRunTimeCanSendAtOnceAndItsCredentialsRotate() throws Exception {
        String form = """
                {"id": "LOG-NEW", "name": "New Carrier", "roles": ["LOGISTICS"], "codes": {"logisticsCode": "LOGNEW01"},
                 "profiles": {"shipments": "carrier-tracking"}, "delivery": {"channel": "ftp", "format": "csv"}}""";
        HttpResponse<String> created = console.post("/api/v1/admin/participants", form);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode answer = JSON.readTree(created.body());
        String apiKey = answer.path("apiKey").asText();
        String ftpPassword = answer.path("ftpPassword").asText();
        assertThat(apiKey).matches("phk_[a-z2-7]{12}_[A-Za-z0-9_-]{43}");

        assertThat(hub.get("/api/v1/messages", apiKey).statusCode()).isEqualTo(200);
        try (FtpFirm firm = new FtpFirm(hub.ftpPort(), "LOG-NEW", ftpPassword)) {
            assertThat(firm.client().listNames("/inbox")).contains("shipments");
        }
        assertThat(console.post("/api/v1/admin/participants", form).statusCode()).as("same id").isEqualTo(409);
        HttpResponse<String> taken = console.post("/api/v1/admin/participants", form.replace("LOG-NEW", "LOG-DUP"));
        assertThat(taken.statusCode()).as("another's code").isEqualTo(409);
        assertThat(taken.body()).contains("code");
        HttpResponse<String> bad = console.post("/api/v1/admin/participants",
                form.replace("LOG-NEW", "X").replace("carrier-tracking", "no-such-profile"));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("id must match").contains("no-such-profile");
        String hook = form.replace("\"delivery\": {\"channel\": \"ftp\", \"format\": \"csv\"}",
                "\"delivery\": {\"channel\": \"webhook\", \"format\": \"json\", \"url\": \"URL\","
                        + " \"secret\": \"0123456789abcdef0123\"}").replace("LOG-NEW", "LOG-HOOK").replace("LOGNEW01", "LOGHOOK1");
        HttpResponse<String> internal = console.post("/api/v1/admin/participants", hook.replace("URL", "http://127.0.0.1:19998/hook"));
        assertThat(internal.statusCode()).as("a webhook into the park's own network").isEqualTo(422);
        assertThat(internal.body()).contains("inside the park's own network").contains("allow-internal-targets");
        HttpResponse<String> spaced = console.post("/api/v1/admin/participants", hook.replace("URL", "https://firm.example/a b"));
        assertThat(spaced.statusCode()).as("a URL with a space").isEqualTo(422);
        assertThat(spaced.body()).contains("not a valid URL");
        for (String reserved : List.of("hub", "Admin", "parkhub", "SYSTEM", "hub-events")) {
            HttpResponse<String> refused = console.post("/api/v1/admin/participants", form.replace("LOG-NEW", reserved)
                    .replace("LOGNEW01", "LOGRES01"));
            assertThat(refused.statusCode()).as(reserved).isEqualTo(422);
            assertThat(refused.body()).contains("reserved for the hub");
        }

        HttpResponse<String> changed = console.send("PUT", "/api/v1/admin/participants/LOG-NEW", form
                .replace("New Carrier", "Renamed Carrier").replace("\"profiles\": {\"shipments\": \"carrier-tracking\"}, ", ""),
                true);
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        JsonNode listed = JSON.readTree(console.get("/api/v1/admin/participants").body()).path("participants");
        JsonNode renamed = find(listed, "id", "LOG-NEW");
        assertThat(renamed.path("name").asText()).isEqualTo("Renamed Carrier");
        assertThat(renamed.path("profiles").size()).isZero();
        assertThat(listed.toString()).doesNotContain("secret");

        HttpResponse<String> rotated = console.post("/api/v1/admin/participants/LOG-NEW/ftp-password", null);
        assertThat(rotated.statusCode()).isEqualTo(200);
        String newPassword = JSON.readTree(rotated.body()).path("ftpPassword").asText();
        FTPClient old = new FTPClient();
        old.connect("127.0.0.1", hub.ftpPort());
        assertThat(old.login("LOG-NEW", ftpPassword)).as("old password").isFalse();
        old.disconnect();
        try (FtpFirm firm = new FtpFirm(hub.ftpPort(), "LOG-NEW", newPassword)) {
            assertThat(firm.client().isConnected()).isTrue();
        }
        JsonNode audit = JSON.readTree(console.get("/api/v1/admin/audit").body()).path("entries");
        assertThat(audit.findValuesAsText("action")).contains("participant-created", "participant-changed",
                "ftp-password-rotated");
        assertThat(audit.toString()).doesNotContain(ftpPassword).doesNotContain(newPassword).doesNotContain(apiKey);
    }

    @Test
    void routesListWithTheirFiguresAndStopAndStart() throws Exception {
        JsonNode routes = JSON.readTree(console.get("/api/v1/admin/routes").body()).path("routes");
        JsonNode post = find(routes, "id", "post-message");
        assertThat(post.path("state").asText()).isEqualTo("Started");
        assertThat(post.has("exchanges")).isTrue();
        assertThat(post.path("stoppable").asBoolean()).isTrue();
        assertThat(find(routes, "id", "admin-routes").path("stoppable").asBoolean()).isFalse();

        assertThat(console.post("/api/v1/admin/routes/traffic-flush/stop", null).body()).contains("Stopped");
        assertThat(hub.context().getRouteController().getRouteStatus("traffic-flush").isStopped()).isTrue();
        assertThat(console.post("/api/v1/admin/routes/traffic-flush/start", null).body()).contains("Started");
        assertThat(console.post("/api/v1/admin/routes/admin-routes/stop", null).statusCode()).isEqualTo(409);
        assertThat(console.post("/api/v1/admin/routes/no-such-route/stop", null).statusCode()).isEqualTo(404);
    }

    @Test
    void filesShowTheirCountsAndReceiptAndTrafficReachesTheOverviewAndAlerts() throws Exception {
        String csv = "仓库编码,货主海关编码,商品货号,批次号,数量,计量单位,业务类型,账册编号,账册备案序号,单据号,发生时间\r\n"
                + "QDBW01,3301960XYZ,SKU-A1,B1,5,件,入库,,,R1,2026/3/5 14:02\r\n"
                + "QDBW01,3301960XYZ,SKU-A2,B2,-5,件,入库,,,R2,2026/3/5 14:02\r\n"
                + "QDBW01,3301960XYZ,SKU-A3,B3,-5,件,入库,,,R3,2026/3/5 14:02\r\n";
        try (FtpFirm firm = new FtpFirm(hub.ftpPort(), "WH-QD-01", "demo-ftp-wh-qd-01")) {
            firm.upload("/inbox/stock/admin-view.csv", csv.getBytes(GBK));
            firm.awaitReceipt("admin-view.csv", GBK);
            firm.upload("/inbox/stock/admin-empty.csv", new byte[0]);
            firm.awaitReceipt("admin-empty.csv", GBK);
        }
        // a file answered without being read is listed too, with why
        JsonNode empty = find(JSON.readTree(console.get("/api/v1/admin/files").body()).path("files"), "fileName",
                "admin-empty.csv");
        assertThat(empty.path("status").asText()).isEqualTo("REFUSED");
        assertThat(empty.path("reason").asText()).contains("empty");
        assertThat(console.get("/api/v1/admin/files/" + empty.path("id").asText() + "/receipt").body()).contains("REJECTED");
        JsonNode file = await().atMost(Duration.ofSeconds(10)).until(() -> find(JSON.readTree(
                console.get("/api/v1/admin/files?participant=WH-QD-01").body()).path("files"), "fileName", "admin-view.csv"),
                f -> f != null && f.path("status").asText().equals("DONE"));
        assertThat(file.path("accepted").asInt()).isEqualTo(1);
        assertThat(file.path("rejected").asInt()).isEqualTo(2);
        assertThat(file.path("rowsDone").asInt()).isEqualTo(3);
        assertThat(file.path("rowsTotal").asInt()).isEqualTo(3);
        HttpResponse<String> receipt = console.get("/api/v1/admin/files/" + file.path("id").asText() + "/receipt");
        assertThat(receipt.statusCode()).isEqualTo(200);
        assertThat(receipt.headers().firstValue("Content-Disposition")).get().asString().contains("admin-view.csv.receipt.csv");
        assertThat(receipt.body()).startsWith("line,status,messageId,errors");

        // the overview counts the file's rows in, and the copy routed out
        JsonNode overview = await().atMost(Duration.ofSeconds(15)).until(
                () -> JSON.readTree(console.get("/api/v1/admin/overview?minutes=60").body()),
                o -> o.path("rejected").asLong() >= 2 && o.path("traffic").findValuesAsText("direction").contains("OUT"));
        assertThat(overview.path("accepted").asLong()).isGreaterThanOrEqualTo(1);
        JsonNode in = find(overview.path("traffic"), "direction", "IN");
        assertThat(in.path("channel").asText()).isEqualTo("ftp");
        assertThat(in.path("type").asText()).isEqualTo("stock-movement");

        // 2 of 3 rejected is over the 30% limit of this hub
        JsonNode alerts = await().atMost(Duration.ofSeconds(15)).until(
                () -> JSON.readTree(console.get("/api/v1/admin/alerts").body()).path("alerts"),
                a -> a.findValuesAsText("kind").contains("REJECTION_RATE"));
        assertThat(find(alerts, "kind", "REJECTION_RATE").path("subject").asText()).isEqualTo("WH-QD-01");
        assertThat(hub.get("/observe/metrics", null).body())
                .contains("parkhub_alert{kind=\"REJECTION_RATE\",subject=\"WH-QD-01\"} 1.0");

        // the accepted row is found by its SKU, with its lifecycle
        String messageId = await().atMost(Duration.ofSeconds(10)).until(() -> JSON.readTree(
                console.get("/api/v1/admin/messages?key=SKU-A1&type=stock-movement").body()).path("items"),
                items -> items.size() == 1).get(0).path("messageId").asText();
        JsonNode detail = await().atMost(Duration.ofSeconds(10)).until(
                () -> JSON.readTree(console.get("/api/v1/admin/messages/" + messageId).body()),
                m -> m.path("status").asText().equals("ROUTED"));
        assertThat(detail.path("sender").asText()).isEqualTo("WH-QD-01");
        assertThat(detail.path("deliveries").findValuesAsText("recipient")).containsExactly("MERCH-01");
        assertThat(console.get("/api/v1/admin/messages?status=LOST").statusCode()).isEqualTo(400);
        assertThat(console.get("/api/v1/admin/messages?from=yesterday").statusCode()).isEqualTo(400);
    }

    @Test
    void everyAdminEndpointRefusesFirms() throws Exception {
        for (String path : List.of("/api/v1/admin/participants", "/api/v1/admin/routes", "/api/v1/admin/files",
                "/api/v1/admin/messages", "/api/v1/admin/overview", "/api/v1/admin/alerts", "/api/v1/admin/profiles",
                "/api/v1/admin/audit")) {
            assertThat(hub.get(path, Demo.PLATFORM_KEY).statusCode()).as(path).isEqualTo(403);
            assertThat(hub.get(path, null).statusCode()).as(path).isEqualTo(401);
        }
        assertThat(hub.post("/api/v1/admin/participants/PLAT-01/ftp-password", Demo.PLATFORM_KEY, "application/json", "")
                .statusCode()).isEqualTo(403);
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode item : array) {
            if (item.path(field).asText().equals(value)) {
                return item;
            }
        }
        return null;
    }
}
