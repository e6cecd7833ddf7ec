package org.parkhub.support;

import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.List;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPReply;

/** A firm at the park's FTP server, as its clerk's FTP client sees it (Apache Commons Net, passive mode). */
public final class FtpFirm implements AutoCloseable {

    private final FTPClient client = new FTPClient();

    public FtpFirm(int port, String user, String password) throws IOException {
        client.setControlEncoding("UTF-8");
        client.connect("127.0.0.1", port);
        if (!client.login(user, password)) {
            client.disconnect();
            throw new IOException("login refused for " + user + ": " + client.getReplyString());
        }
        client.enterLocalPassiveMode();
        client.setFileType(FTP.BINARY_FILE_TYPE);
    }

    public FTPClient client() {
        return client;
    }

    public boolean upload(String path, byte[] content) throws IOException {
        return client.storeFile(path, new ByteArrayInputStream(content));
    }

    /** The file's bytes, or null when the server refuses or it does not exist. */
    public byte[] download(String path) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        return client.retrieveFile(path, out) ? out.toByteArray() : null;
    }

    /** Waits until the file can be downloaded and returns its bytes. */
    public byte[] awaitFile(String path, int seconds) {
        return await().atMost(Duration.ofSeconds(seconds)).pollInterval(Duration.ofMillis(200))
                .until(() -> download(path), b -> b != null);
    }

    /** Waits for receipts/&lt;file&gt;.receipt.csv and returns its rows (header included), decoded with {@code charset}. */
    public List<List<String>> awaitReceipt(String fileName, Charset charset) {
        return awaitReceipt(fileName, charset, 60);
    }

    public List<List<String>> awaitReceipt(String fileName, Charset charset, int seconds) {
        byte[] bytes = awaitFile("/receipts/" + fileName + ".receipt.csv", seconds);
        String text = new String(bytes, charset).replace("\uFEFF", "");
        try (CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(text)) {
            return csv.stream().map(CsvRecord::getFields).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean delete(String path) throws IOException {
        return client.deleteFile(path);
    }

    public int replyCode() {
        return client.getReplyCode();
    }

    public boolean lastReplyPositive() {
        return FTPReply.isPositiveCompletion(client.getReplyCode());
    }

    @Override
    public void close() throws IOException {
        if (client.isConnected()) {
            try {
                client.logout();
            } finally {
                client.disconnect();
            }
        }
    }
}
