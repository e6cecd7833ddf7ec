package org.parkhub.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The demo park's secrets (config/participants.yaml, as the README lists them) and example payloads. */
public final class Demo {

    public static final String PLATFORM_KEY = "demo-key-plat-01";
    public static final String MERCHANT = "MERCH-01";
    public static final String MERCHANT_KEY = "demo-key-merch-01";
    public static final String LOGISTICS = "LOG-01";
    public static final String LOGISTICS_KEY = "demo-key-log-01";
    public static final String WAREHOUSE_KEY = "demo-key-wh-qd-01";
    public static final String BROKER_KEY = "demo-key-broker-01";
    public static final String CUSTOMS_KEY = "demo-key-customs";
    public static final String ADMIN_KEY = "demo-key-admin";
    /** The console's demo administrator (config/admins.yaml). */
    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "demo-admin-password";

    private Demo() {
    }

    /** The valid order of ARCHITECTURE A5. */
    public static String exampleOrder() {
        try (InputStream in = Demo.class.getResourceAsStream("/a5-order.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
