package org.parkhub.crash;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.parkhub.support.ChildHub;
import org.parkhub.support.FtpFirm;

/**
 * The warehouse as a clerk runs it: uploads its export over FTP under a name and reads its receipt; an upload that
 * fails, or a receipt saying the upload was cut off, means sending the file again once the hub is back. A clerk
 * unsure whether the hub took it sends the same export again under another name.
 */
final class WarehouseUploads implements Runnable {

    private static final Charset GBK = Charset.forName("GBK");

    private final ChildHub hub;
    private final Path file;
    private final String name;
    private final AtomicInteger uploads = new AtomicInteger();
    private volatile List<List<String>> finalReceipt;
    private volatile Throwable failure;

    WarehouseUploads(ChildHub hub, Path file, String name) {
        this.hub = hub;
        this.file = file;
        this.name = name;
    }

    @Override
    public void run() {
        try {
            while (finalReceipt == null) {
                if (!upload()) {
                    await().atMost(Duration.ofMinutes(2)).until(hub::ready);
                    continue;
                }
                List<List<String>> receipt = awaitReceipt();
                if (isFinal(receipt)) {
                    finalReceipt = receipt;
                }
            }
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    private boolean upload() {
        uploads.incrementAndGet();
        try (FtpFirm firm = new FtpFirm(hub.ftpPort(), "WH-QD-01", "demo-ftp-wh-qd-01");
             InputStream in = Files.newInputStream(file)) {
            firm.delete("/receipts/" + name + ".receipt.csv"); // what comes next answers this upload
            return firm.client().storeFile("/inbox/stock/" + name, in);
        } catch (IOException e) {
            return false;
        }
    }

    /** The receipt once it is there, however often the hub goes away meanwhile. */
    private List<List<String>> awaitReceipt() {
        return parse(await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(300)).ignoreExceptions()
                .until(() -> {
                    try (FtpFirm firm = new FtpFirm(hub.ftpPort(), "WH-QD-01", "demo-ftp-wh-qd-01")) {
                        return firm.download("/receipts/" + name + ".receipt.csv");
                    }
                }, bytes -> bytes != null && bytes.length > 0));
    }

    private static List<List<String>> parse(byte[] bytes) {
        try (CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(new String(bytes, GBK).replace("\uFEFF", ""))) {
            return csv.stream().map(CsvRecord::getFields).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** ACCEPTED, PARTIAL or REJECTED answer the rows; INCOMPLETE asks for the file again. */
    static boolean isFinal(List<List<String>> receipt) {
        List<String> summary = receipt.get(receipt.size() - 1);
        return summary.size() > 1 && summary.get(0).equals("summary") && !summary.get(1).equals("INCOMPLETE");
    }

    List<List<String>> finalReceipt() {
        return finalReceipt;
    }

    int uploads() {
        return uploads.get();
    }

    Throwable failure() {
        return failure;
    }

    String name() {
        return name;
    }
}
