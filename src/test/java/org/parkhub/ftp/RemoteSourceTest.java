package org.parkhub.ftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.apache.ftpserver.DataConnectionConfigurationFactory;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.WritePermission;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.parkhub.support.RunningHub;
import org.parkhub.support.SampleFiles;

/**
 * Firms with their own server or a shared directory: the hub polls them, processes what it finds like an
 * upload, and writes each receipt back next to the firm's files.
 */
class RemoteSourceTest {

    static final Charset GBK = Charset.forName("GBK");

    @TempDir
    static Path firmServerHome;
    @TempDir
    static Path share;
    @TempDir
    static Path sftpHome;
    static FtpServer firmServer;
    static SshServer sftpServer;
    @RegisterExtension
    static final RunningHub hub = RunningHub.perClass(RemoteSourceTest::firmsServers);

    /** Starts the firm's own FTP and SFTP servers; the hub's settings: the warehouse's sources on them and a share. */
    static Map<String, String> firmsServers() throws Exception {
        int port = RunningHub.freePort();
        Files.createDirectories(firmServerHome.resolve("export"));
        Files.createDirectories(firmServerHome.resolve("receipts"));
        Files.createDirectories(share.resolve("export"));
        Files.createDirectories(share.resolve("receipts"));
        firmServer = firmsOwnFtpServer(port);
        String ftp = "ftp://127.0.0.1:" + port;
        Files.createDirectories(sftpHome.resolve("export"));
        Files.createDirectories(sftpHome.resolve("receipts"));
        sftpServer = firmsOwnSftpServer();
        String sftp = "sftp://wms@127.0.0.1:" + sftpServer.getPort();
        // passwords as placeholders, as a participant's sources must give them (resolved from the hub's settings here)
        String sftpOptions = "password={{wms.password}}&strictHostKeyChecking=no&useUserKnownHostsFile=false";
        String participants = Files.readString(Path.of("config/participants.yaml")).replace(
                "    profiles: {stock: warehouse-gbk}\n",
                "    profiles: {stock: warehouse-gbk}\n"
                        + "    sources:\n"
                        + "      - {folder: stock, uri: '" + ftp + "/export?username=wms&password={{wms.password}}',\n"
                        + "         receipts: '" + ftp + "/receipts?username=wms&password={{wms.password}}&passiveMode=true&binary=true'}\n"
                        + "      - {folder: stock, uri: '" + sftp + "/export?" + sftpOptions + "',\n"
                        + "         receipts: '" + sftp + "/receipts?" + sftpOptions + "'}\n"
                        + "      - {folder: stock, uri: 'file:" + share.resolve("export") + "',\n"
                        + "         receipts: 'file:" + share.resolve("receipts") + "'}\n");
        Path participantsFile = share.resolve("participants.yaml");
        Files.writeString(participantsFile, participants);
        return Map.of(
                "parkhub.participants-file", participantsFile.toString(),
                "parkhub.sources.poll-ms", "300",
                "parkhub.sources.settle-ms", "500",
                "parkhub.sources.file-roots", share.toString(),
                "wms.password", "wms-secret");
    }

    @AfterAll
    static void stopServers() throws Exception {
        firmServer.stop();
        sftpServer.stop(true);
    }

    @Test
    void filesOnTheFirmsOwnFtpServerAreFetchedAndAnsweredThere() throws Exception {
        Files.write(firmServerHome.resolve("export/stock-ftp.csv"), SampleFiles.warehouseStock("RST6"));
        List<List<String>> receipt = awaitReceipt(firmServerHome.resolve("receipts/stock-ftp.csv.receipt.csv"));
        assertThat(receipt.subList(1, 21)).allSatisfy(row -> assertThat(row.get(1)).isEqualTo("ACCEPTED"));
        assertThat(receipt.get(21)).startsWith("summary", "ACCEPTED");
        // the consumer moves the file aside once its exchange is complete, just after the receipt went out
        await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(firmServerHome.resolve("export/stock-ftp.csv"))
                && Files.exists(firmServerHome.resolve("export/.parkhub/done/stock-ftp.csv")));
    }

    @Test
    void filesOnTheFirmsOwnSftpServerAreFetchedAndAnsweredThere() throws Exception {
        Files.write(sftpHome.resolve("export/stock-sftp.csv"), SampleFiles.warehouseStock("RST7"));
        List<List<String>> receipt = awaitReceipt(sftpHome.resolve("receipts/stock-sftp.csv.receipt.csv"));
        assertThat(receipt.get(21)).startsWith("summary", "ACCEPTED");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(sftpHome.resolve("export/.parkhub/done/stock-sftp.csv")));
    }

    @Test
    void filesInASharedDirectoryAreTakenOnceTheyStopChanging() throws Exception {
        Path file = share.resolve("export/stock-dir.csv");
        Files.write(file, SampleFiles.warehouseStock("RST8"));
        List<List<String>> receipt = awaitReceipt(share.resolve("receipts/stock-dir.csv.receipt.csv"));
        assertThat(receipt.get(receipt.size() - 1)).startsWith("summary", "ACCEPTED");

        // the same file put back unchanged is not taken a second time (durable idempotent repository)
        Path done = share.resolve("export/.parkhub/done/stock-dir.csv");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(done)); // moved once its exchange completed
        Files.copy(done, file);
        Files.setLastModifiedTime(file, Files.getLastModifiedTime(done));
        Files.delete(share.resolve("receipts/stock-dir.csv.receipt.csv"));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> Files.exists(file) && !Files.exists(share.resolve("receipts/stock-dir.csv.receipt.csv")));
    }

    private static List<List<String>> awaitReceipt(Path receipt) throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(receipt) && Files.size(receipt) > 0);
        try (CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(Files.readString(receipt, GBK))) {
            return csv.stream().map(CsvRecord::getFields).toList();
        }
    }

    /** A warehouse's own SFTP server (Apache MINA SSHD). */
    private static SshServer firmsOwnSftpServer() throws Exception {
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(RunningHub.freePort());
        server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(sftpHome.getParent().resolve(sftpHome.getFileName() + "-host.key")));
        server.setPasswordAuthenticator((user, password, session) -> "wms".equals(user) && "wms-secret".equals(password));
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        server.setFileSystemFactory(new VirtualFileSystemFactory(sftpHome));
        server.start();
        return server;
    }

    /** A warehouse's own FTP server, where its WMS drops exports. */
    private static FtpServer firmsOwnFtpServer(int port) throws Exception {
        ListenerFactory listener = new ListenerFactory();
        listener.setServerAddress("127.0.0.1");
        listener.setPort(port);
        DataConnectionConfigurationFactory data = new DataConnectionConfigurationFactory();
        data.setPassivePorts(String.valueOf(RunningHub.freePort()) + "," + RunningHub.freePort());
        data.setPassiveExternalAddress("127.0.0.1");
        listener.setDataConnectionConfiguration(data.createDataConnectionConfiguration());
        FtpServerFactory factory = new FtpServerFactory();
        factory.addListener("default", listener.createListener());
        BaseUser user = new BaseUser();
        user.setName("wms");
        user.setPassword("wms-secret");
        user.setHomeDirectory(firmServerHome.toString());
        user.setAuthorities(List.of(new WritePermission()));
        factory.getUserManager().save(user);
        FtpServer server = factory.createServer();
        server.start();
        return server;
    }
}
