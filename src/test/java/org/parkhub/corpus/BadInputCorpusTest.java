package org.parkhub.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parkhub.corpus.BadInput.FtpAction;
import org.parkhub.corpus.BadInput.FtpFile;
import org.parkhub.corpus.BadInput.FtpReply;
import org.parkhub.corpus.BadInput.Problem;
import org.parkhub.corpus.BadInput.Receipt;
import org.parkhub.corpus.BadInput.Rest;
import org.parkhub.journal.Statements;
import org.parkhub.platform.Database;
import org.parkhub.support.CuttingFtpClient;
import org.parkhub.support.FtpFirm;
import org.parkhub.support.RunningHub;
import org.parkhub.support.TestSettings;

/**
 * Runs the bad-input corpus against one running hub: each case must get its specific answer through its own
 * channel, the hub must stay healthy, and nothing of the rejected input may reach the journal. Writes the
 * report (case, expected, answer) to {@code target/bad-input-report.md}.
 */
@Tag("slow") // left out of the quick tier (mvn -Pquick verify); the full run has it
class BadInputCorpusTest {

    private static final Path REPORT = Path.of("target/bad-input-report.md");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @RegisterExtension
    static final RunningHub hub = RunningHub.perClass();
    static HikariDataSource journal;
    static final Map<String, String> answers = new ConcurrentHashMap<>();
    static final Map<String, Boolean> passed = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() {
        journal = Database.open(TestSettings.embedded(hub.dataDir())); // the same in-process database as the hub's
    }

    @AfterAll
    static void stop() throws Exception {
        writeReport();
        journal.close();
    }

    @TestFactory
    Stream<DynamicTest> everyBadInputGetsItsSpecificAnswerAndLeavesNothingBehind() {
        List<BadInput> cases = BadInputCorpus.cases();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(100);
        assertThat(cases.stream().map(BadInput::id).distinct()).hasSameSizeAs(cases);
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.id() + ": " + c.input(), () -> check(c)));
    }

    private static void check(BadInput c) throws Exception {
        long journaled = messages();
        String answer;
        try {
            answer = send(c);
        } catch (Exception | AssertionError e) {
            answer = "no answer: " + e;
        }
        answers.put(c.id(), answer);
        assertThat(answer).as("%s: %s", c.id(), c.input()).satisfies(a -> assertThat(matches(c.expected(), a))
                .as("expected %s, got %s", c.expected(), a).isTrue());
        assertThat(hub.get("/observe/health", null).statusCode()).as("health after " + c.id()).isEqualTo(200);
        assertThat(messages()).as("messages journaled by " + c.id()).isEqualTo(journaled);
        passed.put(c.id(), true);
    }

    /** Sends the case and describes the answer as "status type: detail" or "receipt STATUS: text" or "FTP code". */
    private static String send(BadInput c) throws Exception {
        if (c.attempt() instanceof Rest rest) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(hub.url(rest.path())))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + rest.apiKey())
                    .header("Content-Type", rest.contentType())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(rest.body().get()));
            if (rest.idempotencyKey() != null) {
                request.header("Idempotency-Key", rest.idempotencyKey());
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() + " " + response.body();
        }
        if (c.attempt() instanceof FtpFile file) {
            try (FtpFirm firm = new FtpFirm(hub.ftpPort(), file.user(), file.password());
                 InputStream content = file.content().get()) {
                if (!firm.client().storeFile(file.path(), content)) {
                    return "FTP " + firm.client().getReplyCode() + " " + firm.client().getReplyString().trim();
                }
                return receipt(firm, file.path());
            }
        }
        FtpAction action = (FtpAction) c.attempt();
        try (CuttingFtpClient client = new CuttingFtpClient()) {
            client.setControlEncoding("UTF-8");
            client.connect("127.0.0.1", hub.ftpPort());
            if (client.login(action.user(), action.password())) {
                client.enterLocalPassiveMode();
                action.step().run(client);
            }
            String reply = "FTP " + client.getReplyCode() + " " + client.getReplyString().trim();
            if (c.expected() instanceof Receipt) {
                try (FtpFirm firm = new FtpFirm(hub.ftpPort(), action.user(), action.password())) {
                    return receipt(firm, "/inbox/stock/" + c.id() + ".csv");
                }
            }
            return reply;
        }
    }

    /**
     * The receipt of the file, as "receipt SUMMARY: its whole text" (UTF-8 when it starts with a BOM, else GBK),
     * or "receipt CEB900: the XML" for a customs file the hub could not read.
     */
    private static String receipt(FtpFirm firm, String uploaded) {
        String name = uploaded.substring(uploaded.lastIndexOf('/') + 1);
        String[] found = new String[1];
        byte[] bytes = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
            for (String receipt : List.of(name + ".receipt.csv", name + ".receipt.xml")) {
                byte[] content = firm.download("/receipts/" + receipt);
                if (content != null) {
                    found[0] = receipt;
                    return content;
                }
            }
            return null;
        }, b -> b != null);
        if (found[0].endsWith(".xml")) {
            String xml = new String(bytes, StandardCharsets.UTF_8);
            return "receipt " + (xml.contains("CEB900Message") ? "CEB900" : "?") + ": " + xml;
        }
        boolean bom = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF;
        String text = new String(bytes, bom ? StandardCharsets.UTF_8 : Charset.forName("GBK"));
        String summary = text.lines().filter(l -> l.startsWith("summary,")).findFirst().orElse("summary,?");
        return "receipt " + summary.split(",")[1] + ": " + text.replace("\r\n", " | ");
    }

    private static boolean matches(BadInput.Expected expected, String answer) {
        if (expected instanceof Problem p) {
            return answer.startsWith(p.status() + " ") && answer.contains("/problems/" + p.type() + "\"")
                    && answer.contains(p.mentions());
        }
        if (expected instanceof Receipt r) {
            return answer.startsWith("receipt " + r.summary() + ":") && answer.contains(r.mentions());
        }
        return answer.startsWith("FTP " + ((FtpReply) expected).code() + " ");
    }

    private static long messages() {
        return Statements.query(journal, "count", "SELECT COUNT(*) FROM message", ps -> { }, rs -> rs.getLong(1)).get(0);
    }

    private static void writeReport() throws IOException {
        List<String> lines = new ArrayList<>(List.of("# Bad-input corpus report", "",
                "Generated by `BadInputCorpusTest` (`mvn verify`): each case sent to a running hub through its channel; the hub "
                        + "stayed healthy and journaled nothing of it.", "",
                "| case | channel | input | expected | answer | result |", "|---|---|---|---|---|---|"));
        for (BadInput c : BadInputCorpus.cases()) {
            String answer = answers.getOrDefault(c.id(), "(not run)");
            lines.add("| " + c.id() + " | " + c.channel() + " | " + cell(c.input()) + " | " + cell(c.expected().toString())
                    + " | " + cell(shorten(answer)) + " | " + (passed.containsKey(c.id()) ? "pass" : "FAIL") + " |");
        }
        Files.createDirectories(REPORT.getParent());
        Files.write(REPORT, lines, StandardCharsets.UTF_8);
    }

    private static String shorten(String answer) {
        String flat = answer.replaceAll("\\s+", " ");
        return flat.length() > 220 ? flat.substring(0, 220) + "…" : flat;
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
