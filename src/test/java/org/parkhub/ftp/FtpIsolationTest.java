package org.parkhub.ftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.apache.commons.net.ftp.FTPFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parkhub.support.FtpFirm;
import org.parkhub.support.RunningHub;

/** A firm is confined to its own home: no reading, listing or writing another firm's files, by any path. */
class FtpIsolationTest {

    @RegisterExtension
    static final RunningHub hub = RunningHub.perClass();
    static final String SECRET = "other firm's receipt";

    @BeforeAll
    static void start() throws IOException {
        Files.writeString(hub.dataDir().resolve("ftp/WH-QD-01/receipts/secret.csv.receipt.csv"), SECRET);
        // a link planted in the carrier's home, pointing into the warehouse's
        Files.createSymbolicLink(hub.dataDir().resolve("ftp/LOG-01/outbox/peek"), hub.dataDir().resolve("ftp/WH-QD-01"));
        Files.createSymbolicLink(hub.dataDir().resolve("ftp/LOG-01/outbox/passwd"), Path.of("/etc/passwd"));
    }

    static FtpFirm carrier() throws IOException {
        return new FtpFirm(hub.ftpPort(), "LOG-01", "demo-ftp-log-01");
    }

    @Test
    void aWrongPasswordOrAnotherFirmsPasswordIsRefused() {
        assertThatThrownBy(() -> new FtpFirm(hub.ftpPort(), "LOG-01", "demo-ftp-wh-qd-01")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> new FtpFirm(hub.ftpPort(), "anonymous", "x@y")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> new FtpFirm(hub.ftpPort(), "LOG-01", "phk_demolog01_demo-key-log-01")).isInstanceOf(IOException.class);
    }

    @Test
    void dotDotPathsStayInsideTheHome() throws IOException {
        try (FtpFirm firm = carrier()) {
            for (String path : new String[]{"/../WH-QD-01/receipts/secret.csv.receipt.csv",
                    "../WH-QD-01/receipts/secret.csv.receipt.csv", "/inbox/../../WH-QD-01/receipts/secret.csv.receipt.csv",
                    "/../../../etc/passwd"}) {
                assertThat(firm.download(path)).as(path).isNull();
            }
            // "/.." is its own root: /../WH-QD-01 would be a folder of its own home, and there is none
            assertThat(firm.client().changeWorkingDirectory("/../WH-QD-01")).isFalse();
            assertThat(firm.client().changeWorkingDirectory("/..")).isTrue();
            assertThat(firm.client().printWorkingDirectory()).isEqualTo("/");
            assertThat(names(firm.client().listFiles("/../WH-QD-01/receipts"))).doesNotContain("secret.csv.receipt.csv");
        }
    }

    @Test
    void anotherFirmsFilesCannotBeOverwrittenOrDeleted() throws IOException {
        try (FtpFirm firm = carrier()) {
            assertThat(firm.upload("/../WH-QD-01/receipts/secret.csv.receipt.csv", "overwritten".getBytes())).isFalse();
            assertThat(firm.upload("/../WH-QD-01/inbox/stock/planted.csv", "x".getBytes())).isFalse();
            assertThat(firm.delete("/../WH-QD-01/receipts/secret.csv.receipt.csv")).isFalse();
        }
        assertThat(Files.readString(hub.dataDir().resolve("ftp/WH-QD-01/receipts/secret.csv.receipt.csv"))).isEqualTo(SECRET);
        assertThat(hub.dataDir().resolve("ftp/WH-QD-01/inbox/stock/planted.csv")).doesNotExist();
    }

    @Test
    void linksOutOfTheHomeLeadNowhere() throws IOException {
        try (FtpFirm firm = carrier()) {
            assertThat(firm.download("/outbox/peek/receipts/secret.csv.receipt.csv")).isNull();
            assertThat(firm.download("/outbox/passwd")).isNull();
            assertThat(firm.client().changeWorkingDirectory("/outbox/peek")).isFalse();
            assertThat(names(firm.client().listFiles("/outbox"))).doesNotContain("peek", "passwd");
            assertThat(firm.upload("/outbox/peek/inbox/stock/x.csv", "x".getBytes())).isFalse();
        }
    }

    @Test
    void aFirmWritesOnlyIntoItsInboxFolders() throws IOException {
        try (FtpFirm firm = carrier()) {
            assertThat(firm.upload("/receipts/fake.csv.receipt.csv", "x".getBytes())).isFalse();
            assertThat(firm.upload("/outbox/x.csv", "x".getBytes())).isFalse();
            assertThat(firm.upload("/inbox/x.csv", "x".getBytes())).isFalse();
            assertThat(firm.upload("/inbox/unknown/x.csv", "x".getBytes())).isFalse();
            assertThat(firm.client().makeDirectory("/inbox/waybills/sub")).isFalse();
            assertThat(firm.client().removeDirectory("/inbox/waybills")).isFalse();
            assertThat(names(firm.client().listFiles("/"))).containsExactlyInAnyOrder("inbox", "receipts", "outbox");
            assertThat(names(firm.client().listFiles("/inbox"))).contains("waybills", "shipments", "stock", "ceb");
        }
    }

    @Test
    void aFirmReadsItsOwnReceipts() throws IOException {
        Files.writeString(hub.dataDir().resolve("ftp/LOG-01/receipts/mine.csv.receipt.csv"), "mine");
        try (FtpFirm firm = carrier()) {
            assertThat(new String(firm.download("/receipts/mine.csv.receipt.csv"), StandardCharsets.UTF_8)).isEqualTo("mine");
        }
    }

    private static String[] names(FTPFile[] files) {
        return files == null ? new String[0] : Arrays.stream(files).map(FTPFile::getName).toArray(String[]::new);
    }
}
