package org.parkhub.ftp;

import java.io.File;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.ftpserver.DataConnectionConfigurationFactory;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.Ftplet;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.ssl.SslConfigurationFactory;
import org.parkhub.guard.DataDisk;
import org.parkhub.guard.GuessThrottle;
import org.parkhub.ingest.file.InboundFiles;
import org.parkhub.ingest.file.InboxEvent;
import org.parkhub.ingest.file.InboxLayout;
import org.parkhub.participant.CredentialCheck;
import org.parkhub.participant.ParticipantDirectory;

/**
 * The park's FTP server (Apache FtpServer): one account per participant, each confined to its home, uploads
 * reported to the hub as they end. With a keystore configured it offers explicit FTPS (AUTH TLS).
 */
public final class EmbeddedFtpServer implements AutoCloseable {

    private final FtpServer server;
    private final int port;
    private final boolean tls;

    private EmbeddedFtpServer(FtpServer server, int port, boolean tls) {
        this.server = server;
        this.port = port;
        this.tls = tls;
    }

    public static EmbeddedFtpServer start(FtpSettings settings, int port, InboxLayout layout,
                                          ParticipantDirectory participants, CredentialCheck credentials,
                                          InboundFiles files, Consumer<InboxEvent> events, GuessThrottle guesses,
                                          DataDisk disk) throws FtpException {
        ListenerFactory listener = new ListenerFactory();
        listener.setServerAddress(settings.host());
        listener.setPort(port);
        listener.setIdleTimeout(300);
        DataConnectionConfigurationFactory data = new DataConnectionConfigurationFactory();
        data.setPassivePorts(settings.passivePorts());
        // a data connection only ever with the client's own address: no FTP bounce, no port scans through the hub
        data.setActiveEnabled(settings.activeEnabled());
        data.setActiveIpCheck(true);
        data.setPassiveIpCheck(true);
        if (!settings.passiveAddress().isEmpty()) {
            data.setPassiveExternalAddress(settings.passiveAddress());
        }
        boolean tls = !settings.keystore().isEmpty();
        if (tls) {
            SslConfigurationFactory ssl = new SslConfigurationFactory();
            ssl.setKeystoreFile(new File(settings.keystore()));
            ssl.setKeystorePassword(settings.keystorePassword());
            listener.setSslConfiguration(ssl.createSslConfiguration());
            listener.setImplicitSsl(false);
            data.setSslConfiguration(ssl.createSslConfiguration());
        }
        listener.setDataConnectionConfiguration(data.createDataConnectionConfiguration());

        FtpServerFactory factory = new FtpServerFactory();
        factory.addListener("default", listener.createListener());
        factory.setUserManager(new ParticipantUserManager(participants, credentials, layout));
        factory.setFileSystem(new ConfinedFileSystemFactory(settings.maxUploadBytes()));
        // in this order (the guards refuse before an upload is recorded as started); mutable: the server clears
        // its ftplets when it stops
        Map<String, Ftplet> ftplets = new LinkedHashMap<>();
        ftplets.put("guard", new LoginGuard(guesses));
        ftplets.put("transfers", new TransferPolicy());
        ftplets.put("disk", new DiskGuard(disk));
        ftplets.put("inbox", new UploadListener(layout, files, events, settings.maxUploadBytes()));
        factory.setFtplets(ftplets);
        FtpServer server = factory.createServer();
        server.start();
        return new EmbeddedFtpServer(server, port, tls);
    }

    public int port() {
        return port;
    }

    public String describe(FtpSettings settings) {
        return "ftp://" + settings.host() + ":" + port + (tls ? " (explicit FTPS)" : "")
                + ", passive ports " + settings.passivePorts();
    }

    @Override
    public void close() {
        server.stop();
    }
}
