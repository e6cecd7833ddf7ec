package org.parkhub.ftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.io.CopyStreamException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parkhub.ingest.file.InboxLayout;
import org.parkhub.support.FtpFirm;
import org.parkhub.support.RunningHub;
import org.parkhub.support.SampleFiles;

/**
 * What a hostile or clumsy FTP client may not do (issue 22): aim data connections at other hosts (FTP bounce, port
 * scans), inflate a small upload with MODE Z, upload past the limit; and what a clumsy one gets: a receipt for a
 * file whose name is too long to take the receipt suffix.
 */
class FtpTransferLimitsTest {

    static final Charset GBK = Charset.forName("GBK");

    @RegisterExtension
    static final RunningHub hub = RunningHub.perClass(Map.of("parkhub.ftp.max-upload-mb", "1"));

    @Test
    void activeDataConnectionsGoOnlyToTheClientsOwnAddress() throws Exception {
        FTPClient client = new FTPClient();
        // the client's control connection comes from 127.0.0.2; it asks for data at 127.0.0.1 and at 192.0.2.2
        client.connect(InetAddress.getByName("127.0.0.1"), hub.ftpPort(), InetAddress.getByName("127.0.0.2"), 0);
        try {
            assertThat(client.login("WH-QD-01", "demo-ftp-wh-qd-01")).isTrue();
            assertThat(client.sendCommand("PORT", "192,0,2,2,78,31")).as("bounce to another host").isEqualTo(501);
            assertThat(client.sendCommand("PORT", "127,0,0,1," + (hub.ftpPort() >> 8) + "," + (hub.ftpPort() & 0xff)))
                    .as("scan of the hub's own machine").isEqualTo(501);
            assertThat(client.sendCommand("EPRT", "|1|192.0.2.2|19999|")).isEqualTo(501);
            assertThat(client.sendCommand("PORT", "127,0,0,2,78,31")).as("its own address").isEqualTo(200);
        } finally {
            client.disconnect();
        }
        try (FtpFirm firm = new FtpFirm(hub.ftpPort(), "WH-QD-01", "demo-ftp-wh-qd-01")) {
            firm.client().enterLocalActiveMode();
            assertThat(firm.client().listNames("/inbox")).as("active mode to itself still works").contains("stock");
        }
    }

    @Test
    void compressedTransfersAreRefused() throws Exception {
        try (FtpFirm firm = new FtpFirm(hub.ftpPort(), "WH-QD-01", "demo-ftp-wh-qd-01")) {
            assertThat(firm.client().sendCommand("MODE", "Z")).isEqualTo(504);
            assertThat(firm.client().getReplyString()).contains("MODE S");
            assertThat(firm.client().sendCommand("MODE", "S")).isEqualTo(200);
        }
    }

    @Test
    void anUploadPastTheLimitIsCutOffAndItsReceiptSaysWhy() throws Exception {
        byte[] big = new byte[2 * 1024 * 1024];
        Arrays.fill(big, (byte) 'x');
        try (FtpFirm firm = new FtpFirm(hub.ftpPort(), "WH-QD-01", "demo-ftp-wh-qd-01")) {
            boolean stored;
            try {
                stored = firm.upload("/inbox/stock/too-big.csv", big);
            } catch (CopyStreamException cut) {
                // the server may close the data connection while the client is still sending: cut off all the same
                stored = false;
            }
            assertThat(stored).isFalse();
        }
        // a new session: the one whose transfer was cut may still owe a reply
        try (FtpFirm firm = new FtpFirm(hub.ftpPort(), "WH-QD-01", "demo-ftp-wh-qd-01")) {
            String receipt = new String(firm.awaitFile("/receipts/too-big.csv.receipt.csv", 60), StandardCharsets.UTF_8);
            assertThat(receipt).contains("INCOMPLETE").contains("larger than the park's upload limit of 1 MB");
        }
        assertThat(hub.dataDir().resolve("ftp/WH-QD-01/inbox/stock/too-big.csv")).doesNotExist();
    }

    @Test
    void aFileWhoseNameLeavesNoRoomForTheReceiptSuffixStillGetsAReceipt() throws Exception {
        String chinese = "青岛保税仓库出入库明细".repeat(7) + "一二三四五六.csv"; // 253 bytes of UTF-8
        String ascii = "x".repeat(246) + ".csv";
        assertThat(chinese.getBytes(StandardCharsets.UTF_8)).hasSize(253);
        try (FtpFirm firm = new FtpFirm(hub.ftpPort(), "WH-QD-01", "demo-ftp-wh-qd-01")) {
            String[] names = {chinese, ascii, ascii.replace(".csv", ".txt")};
            for (int i = 0; i < names.length; i++) {
                // each file its own movements: the same rows again would be duplicates
                assertThat(firm.upload("/inbox/stock/" + names[i], SampleFiles.warehouseStock("LONG" + i)))
                        .as(names[i]).isTrue();
            }
            for (String name : new String[] {chinese, ascii}) {
                String receiptName = InboxLayout.receiptName(name);
                assertThat(receiptName.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
                assertThat(receiptName).endsWith(".receipt.csv").startsWith(name.substring(0, 20));
                String receipt = new String(firm.awaitFile("/receipts/" + receiptName, 60), GBK);
                assertThat(receipt).contains("summary,ACCEPTED");
            }
            assertThat(InboxLayout.receiptName(ascii.replace(".csv", ".txt"))).as("two long names that begin alike")
                    .isNotEqualTo(InboxLayout.receiptName(ascii));
        }
    }

    @Test
    void aNameThatFitsKeepsItsPlainReceiptName() throws IOException {
        assertThat(InboxLayout.receiptName("库存 2026.csv")).isEqualTo("库存 2026.csv.receipt.csv");
    }
}
