package org.parkhub.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.parkhub.customs.CebInventories;
import org.parkhub.customs.CebTransfer;
import org.parkhub.customs.CebXml;
import org.parkhub.fixtures.CsvFixtureWriter;
import org.parkhub.fixtures.ParkFixtures;
import org.parkhub.fixtures.ProfileSamples;
import org.parkhub.fixtures.RecordEdit;
import org.parkhub.fixtures.Transaction;
import org.parkhub.ingest.csv.CsvProfiles;
import org.parkhub.model.CanonicalMapper;
import org.parkhub.model.CustomsReceipt;
import org.parkhub.model.InventoryDeclaration;
import org.parkhub.support.ConsoleBrowser;
import org.parkhub.support.ConsoleClient;
import org.parkhub.support.Demo;
import org.parkhub.support.FtpFirm;
import org.parkhub.support.RunningHub;
import org.parkhub.support.SampleFiles;
import org.parkhub.support.WebhookReceiver;

/**
 * The console in a real headless Chromium against a real hub: log in, the overview chart with traffic, a file's
 * progress and counts, replaying a dead letter, and a firm kept out. Screenshots land in target/console-screenshots.
 */
@Tag("slow") // left out of the quick tier (mvn -Pquick verify); the full run has it
class ConsoleBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOOK_SECRET = "console-test-hook-secret";

    @TempDir
    Path browserProfile;
    @RegisterExtension // the webhook receiver is on loopback
    static final RunningHub hub = RunningHub.perClass(Map.of("parkhub.alerts.check-seconds", "1",
            "parkhub.delivery.allow-internal-targets", "true"));
    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void openBrowser() throws Exception {
        browser = ConsoleBrowser.open(browserProfile);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class); // pages that refresh themselves replace their elements
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private void logIn(String user, String password) {
        browser.get(hub.url("/console/"));
        wait.until(ExpectedConditions.urlContains("/console/login.html"));
        browser.findElement(By.id("user")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login-button")).click();
    }

    @Test
    void anAdministratorLogsInAndTheOverviewChartsTheTraffic() throws Exception {
        for (int i = 0; i < 5; i++) {
            // five orders: the same one five times would be one order and four duplicates
            assertThat(hub.post("/api/v1/messages/order", Demo.PLATFORM_KEY, "application/json",
                    Demo.exampleOrder().replace("ORD-20261126-0001", "ORD-OVERVIEW-" + i)).statusCode()).isEqualTo(202);
        }
        logIn(Demo.ADMIN_USER, Demo.ADMIN_PASSWORD);
        wait.until(ExpectedConditions.urlMatches(".*/console/(#overview)?$"));
        // the counts reach the overview within a few seconds (traffic is written every 5 s)
        wait.until(d -> {
            d.navigate().refresh();
            List<WebElement> accepted = d.findElements(By.id("accepted"));
            return !accepted.isEmpty() && Long.parseLong(accepted.get(0).getText()) >= 5;
        });
        assertThat(browser.findElements(By.cssSelector("#traffic-chart rect.bar"))).isNotEmpty();
        assertThat(browser.findElement(By.id("traffic-by-type")).getText()).contains("rest · order");
        assertThat(browser.findElement(By.id("nav")).getText()).contains("总览");
        ConsoleBrowser.screenshot(browser, "overview-zh");

        browser.findElement(By.id("language")).click();
        wait.until(d -> d.findElement(By.id("nav")).getText().contains("Overview"));
        wait.until(d -> !d.findElements(By.cssSelector("#traffic-chart rect.bar")).isEmpty());
        ConsoleBrowser.screenshot(browser, "overview");

        browser.findElement(By.linkText("Routes")).click();
        WebElement routes = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("routes-table")));
        assertThat(routes.getText()).contains("post-message").contains("Started");
        ConsoleBrowser.screenshot(browser, "routes");
        browser.findElement(By.linkText("Participants")).click();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("participants-table"))).getText())
                .contains("WH-QD-01");
        ConsoleBrowser.screenshot(browser, "participants");
    }

    @Test
    void aFileUploadedOverFtpShowsItsProgressAndCounts(@TempDir Path scratch) throws Exception {
        Path file = scratch.resolve("browser-stock.csv");
        int rows = 40_000;
        CsvFixtureWriter.write(file, CsvProfiles.load(Path.of("config/profiles")).byName("warehouse-gbk").orElseThrow(),
                ProfileSamples.PARK_ZONE, ProfileSamples.stockMovements(11, rows));
        logIn(Demo.ADMIN_USER, Demo.ADMIN_PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("traffic-chart")));
        browser.get(hub.url("/console/#files"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("files-table")));

        try (FtpFirm firm = new FtpFirm(hub.ftpPort(), "WH-QD-01", "demo-ftp-wh-qd-01");
             var in = Files.newInputStream(file)) {
            assertThat(firm.client().storeFile("/inbox/stock/browser-stock.csv", in)).isTrue();
        }
        // while it is read: rows done of about how many
        Map<String, Object> during = wait.until(d -> {
            Map<String, Object> row = fileRow("browser-stock.csv");
            return row != null && "PROCESSING".equals(row.get("status")) ? row : null;
        });
        assertThat((String) during.get("progress")).contains("/ " + rows);
        ConsoleBrowser.screenshot(browser, "file-progress");
        Map<String, Object> done = new WebDriverWait(browser, Duration.ofSeconds(120)).until(d -> {
            Map<String, Object> row = fileRow("browser-stock.csv");
            return row != null && "DONE".equals(row.get("status")) ? row : null;
        });
        assertThat(done.get("accepted")).isEqualTo(String.valueOf(rows));
        assertThat(done.get("rejected")).isEqualTo("0");
        assertThat((String) done.get("progress")).contains(rows + " / " + rows);
        assertThat((String) done.get("receipt")).contains("/receipt");
        ConsoleBrowser.screenshot(browser, "files");
    }

    @Test
    void aNameThatHidesItsEndingShowsItsFormattingCharacters() throws Exception {
        String name = "stock\u202Evsc.exe.csv"; // shown as "stockcsv.exe..." without care; it is a CSV
        try (FtpFirm firm = new FtpFirm(hub.ftpPort(), "WH-QD-01", "demo-ftp-wh-qd-01")) {
            assertThat(firm.upload("/inbox/stock/" + name, SampleFiles.warehouseStock("CBT12")))
                    .isTrue();
        }
        logIn(Demo.ADMIN_USER, Demo.ADMIN_PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("traffic-chart")));
        browser.get(hub.url("/console/#files"));
        String shown = wait.until(d -> (String) browser.executeScript("""
                const row = document.querySelector(`tr[data-file="${arguments[0]}"]`);
                return row ? row.querySelector('td').textContent : null;""", name));
        assertThat(shown).isEqualTo("stock[U+202E]vsc.exe.csv").doesNotContain("\u202E");
    }

    /** A row of the files page read in one go (the page redraws itself every second or two). */
    @SuppressWarnings("unchecked")
    private Map<String, Object> fileRow(String fileName) {
        return (Map<String, Object>) browser.executeScript("""
                const row = document.querySelector(`tr[data-file="${arguments[0]}"]`);
                if (!row) { return null; }
                const text = name => row.querySelector('.' + name)?.textContent ?? null;
                return {status: text('status'), progress: text('progress'), accepted: text('accepted'),
                        rejected: text('rejected'), receipt: row.querySelector('a.receipt')?.href ?? null};""", fileName);
    }

    @Test
    void aDeadLetterIsReplayedFromTheConsole() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(HOOK_SECRET)) {
            receiver.mode(WebhookReceiver.Mode.FAIL);
            ConsoleClient admin = ConsoleClient.login(hub, Demo.ADMIN_USER, Demo.ADMIN_PASSWORD);
            HttpResponse<String> created = admin.post("/api/v1/admin/participants", """
                    {"id": "HOOK-1", "name": "Webhook Broker", "roles": ["BROKER"], "codes": {"agentCode": "HOOK0001"},
                     "delivery": {"channel": "webhook", "format": "json", "url": "%s", "secret": "%s", "maxAttempts": 1}}"""
                    .formatted(receiver.url(), HOOK_SECRET));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            assertThat(admin.post("/api/v1/admin/subscriptions",
                    "{\"participant\":\"HOOK-1\",\"type\":\"order\",\"filter\":[]}").statusCode()).isEqualTo(201);
            String messageId = JSON.readTree(hub.post("/api/v1/messages/order", Demo.PLATFORM_KEY, "application/json",
                    Demo.exampleOrder()).body()).at("/items/0/messageId").asText();

            logIn(Demo.ADMIN_USER, Demo.ADMIN_PASSWORD);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("traffic-chart")));
            By letter = By.cssSelector("tr[data-message='" + messageId + "']");
            wait.until(d -> {
                d.get(hub.url("/console/#dead-letters"));
                return !d.findElements(letter).isEmpty();
            });
            ConsoleBrowser.screenshot(browser, "dead-letters");
            receiver.mode(WebhookReceiver.Mode.ACCEPT);
            browser.findElement(letter).findElement(By.className("replay")).click();
            wait.until(ExpectedConditions.invisibilityOfElementLocated(letter));
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> receiver.accepted().stream()
                    .anyMatch(r -> r.messageId().equals(messageId)));
            assertThat(JSON.readTree(admin.get("/api/v1/admin/messages/" + messageId).body()).path("history")
                    .findValuesAsText("event")).contains("DEAD", "REPLAYED", "DELIVERED");
            assertThat(JSON.readTree(admin.get("/api/v1/admin/audit").body()).path("entries")
                    .findValuesAsText("action")).contains("dead-letters-replayed");
        }
    }

    @Test
    void aDocumentsHistoryShowsEachRevisionsChangesAndItsCancellation() throws Exception {
        String order = Demo.exampleOrder().replace("ORD-20261126-0001", "ORD-CONSOLE-DOC");
        assertThat(hub.post("/api/v1/messages/order", Demo.PLATFORM_KEY, "application/json", order).statusCode())
                .isEqualTo(202);
        assertThat(hub.post("/api/v1/messages/order", Demo.PLATFORM_KEY, "application/json",
                order.replace("\"freight\"", "\"note\": \"call before delivery\", \"freight\"")).statusCode())
                .isEqualTo(202);
        assertThat(hub.delete("/api/v1/documents/order/3301960ABC:ORD-CONSOLE-DOC", Demo.PLATFORM_KEY).statusCode())
                .isEqualTo(202);

        logIn(Demo.ADMIN_USER, Demo.ADMIN_PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("traffic-chart")));
        browser.get(hub.url("/console/#documents"));
        WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("document-search")));
        new Select(form.findElement(By.name("type"))).selectByValue("order");
        form.findElement(By.name("id")).sendKeys("CONSOLE-DOC");
        form.findElement(By.tagName("button")).click();
        By row = By.cssSelector("tr[data-document='order/3301960ABC:ORD-CONSOLE-DOC']");
        wait.until(ExpectedConditions.elementToBeClickable(row)).click();

        WebElement history = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("document-history")));
        assertThat(history.findElement(By.id("document-state")).getAttribute("class")).isEqualTo("state-cancelled");
        assertThat(history.findElements(By.cssSelector("section.revision"))).hasSize(3);
        WebElement corrected = history.findElement(By.cssSelector("section[data-revision='2']"));
        assertThat(corrected.findElement(By.cssSelector("tr.diff")).getText()).contains("note")
                .contains("call before delivery");
        assertThat(corrected.findElement(By.cssSelector("tr.diff td.after")).getText()).isEqualTo("call before delivery");
        ConsoleBrowser.screenshot(browser, "document-history");
    }

    @Test
    void aRejectedDeclarationNeedsAttentionAndShowsItsTimeline() throws Exception {
        ParkFixtures fixtures = new ParkFixtures(931);
        InventoryDeclaration declaration = RecordEdit.with(RecordEdit.with(fixtures.declaration(fixtures.transaction()),
                "copNo", "COPCONSOLE0001"), "orderNo", "ORD-CONSOLE-DECL");
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        OffsetDateTime declared = OffsetDateTime.now(zone).minusMinutes(5);
        assertThat(hub.post("/api/v1/ceb", Demo.BROKER_KEY, "application/xml", CebXml.write(CebInventories.toCeb621(
                List.of(declaration), new CebTransfer("3702980AGT", "Demo Broker", "DXPENT0000000003"), declared, zone)))
                .statusCode()).isEqualTo(202);
        for (int status : new int[] {2, 100}) {
            CustomsReceipt receipt = CustomsReceipt.of("CEB622", "0E0B1C55-6F1A-4C47-9D55-6A3F0C2E7" + (100 + status))
                    .customsCode(declaration.customsCode()).agentCode(declaration.agentCode())
                    .documents(declaration.copNo(), "E20261207000000931", null)
                    .status(status, declared.plusMinutes(status == 2 ? 1 : 2), status == 2 ? "申报成功" : "商品编码与备案不符");
            assertThat(hub.post("/api/v1/ceb", Demo.CUSTOMS_KEY, "application/xml",
                    CebXml.write(CebInventories.toCeb622(List.of(receipt), zone))).statusCode()).isEqualTo(202);
        }

        logIn(Demo.ADMIN_USER, Demo.ADMIN_PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("traffic-chart")));
        browser.get(hub.url("/console/#declarations"));
        WebElement attention = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("declarations-attention")));
        WebElement rejected = attention.findElement(By.cssSelector("tr[data-declaration='COPCONSOLE0001']"));
        assertThat(rejected.getText()).contains("商品编码与备案不符");
        assertThat(browser.findElement(By.cssSelector("#declaration-counts .tile[data-state='REJECTED'] b")).getText())
                .isNotEqualTo("0");
        rejected.click();

        WebElement timeline = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("declaration-timeline")));
        assertThat(timeline.findElement(By.id("declaration-state")).getAttribute("class")).isEqualTo("state-REJECTED");
        assertThat(timeline.findElements(By.cssSelector("#declaration-history tr.event")))
                .extracting(row -> row.getAttribute("data-status")).containsExactly("2", "100");
        assertThat(timeline.findElement(By.id("declaration-documents")).getText()).isNotEmpty();
        ConsoleBrowser.screenshot(browser, "declaration-timeline");
    }

    @Test
    void aMismatchedCaseShowsItsFindingsTimelineAndThePlatformsCompliance() throws Exception {
        Transaction t = new ParkFixtures(932).transaction();
        String orderNo = "ORD-CONSOLE-CASE";
        assertThat(hub.post("/api/v1/messages/order", Demo.PLATFORM_KEY, "application/json", CanonicalMapper.toJson(
                RecordEdit.with(t.order(), "orderNo", orderNo))).statusCode()).isEqualTo(202);
        assertThat(hub.post("/api/v1/messages/payment", Demo.PAYMENT_KEY, "application/json", CanonicalMapper.toJson(
                RecordEdit.with(RecordEdit.with(t.payment(), "orderNo", orderNo), "amountPaid", "1.00"))).statusCode())
                .isEqualTo(202);
        assertThat(hub.post("/api/v1/messages/waybill", Demo.LOGISTICS_KEY, "application/json", CanonicalMapper.toJson(
                RecordEdit.with(t.waybill(), "orderNo", orderNo))).statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> hub.get("/api/v1/admin/customs/cases?state=MISMATCH",
                Demo.ADMIN_KEY).body().contains(orderNo));

        logIn(Demo.ADMIN_USER, Demo.ADMIN_PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("traffic-chart")));
        browser.get(hub.url("/console/#customs"));
        WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                "#cases-table tr[data-case='" + t.order().ebpCode() + "/" + orderNo + "']")));
        assertThat(row.getText()).contains("3DOC-2");
        assertThat(browser.findElement(By.cssSelector("#case-counts .tile[data-state='MISMATCH'] b")).getText())
                .isNotEqualTo("0");
        assertThat(browser.findElement(By.cssSelector("#compliance-table tr[data-platform='" + t.order().ebpCode()
                + "']")).getText()).contains("3DOC-2 × ");
        row.click();

        WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("case-card")));
        assertThat(card.findElement(By.id("case-state")).getAttribute("class")).isEqualTo("state-MISMATCH");
        assertThat(card.findElement(By.cssSelector("#case-findings tr[data-rule='3DOC-2']")).getText()).contains("1.00");
        assertThat(card.findElements(By.cssSelector("#case-timeline tr.event")))
                .extracting(e -> e.getAttribute("data-what"))
                .contains("order", "payment", "waybill", "precheck-result");
        ConsoleBrowser.screenshot(browser, "customs-case");
    }

    @Test
    void aFirmCannotReachTheConsole() throws Exception {
        browser.get(hub.url("/console/"));
        wait.until(ExpectedConditions.urlContains("/console/login.html"));
        logIn("WH-QD-01", "demo-ftp-wh-qd-01");
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));
        wait.until(d -> !error.getText().isEmpty());
        assertThat(browser.getCurrentUrl()).contains("/console/login.html");
        ConsoleBrowser.screenshot(browser, "login-refused");
        // the console page itself, asked for directly, is not given out
        browser.get(hub.url("/console/index.html"));
        wait.until(ExpectedConditions.urlContains("/console/login.html"));
        assertThat(hub.get("/console/index.html", Demo.WAREHOUSE_KEY).statusCode()).isEqualTo(302);
        assertThat(hub.get("/api/v1/admin/overview", Demo.WAREHOUSE_KEY).statusCode()).isEqualTo(403);
    }
}
