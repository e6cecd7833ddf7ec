package org.parkhub.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The sample exports under config/profiles/samples, made into documents of their own: the hub takes a document
 * once, so a test that uploads the warehouse's sample to a hub that already took it from another test would get
 * DUPLICATE rows. {@code tag} replaces the sample's reference prefix ({@code ASN-}), which names each movement.
 */
public final class SampleFiles {

    private static final Path WAREHOUSE_STOCK = Path.of("config/profiles/samples/warehouse-gbk.csv");
    private static final Charset GBK = Charset.forName("GBK");

    private SampleFiles() {
    }

    /** The bonded warehouse's GBK stock export, its movements' references starting with {@code tag}. */
    public static byte[] warehouseStock(String tag) {
        try {
            String text = new String(Files.readAllBytes(WAREHOUSE_STOCK), GBK);
            if (!text.contains(",ASN-")) {
                throw new IllegalStateException(WAREHOUSE_STOCK + " no longer names its movements ASN-...");
            }
            return text.replace(",ASN-", "," + tag + "-").getBytes(GBK);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
