package org.parkhub.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The demo park's secrets (config/participants.yaml, as the README lists them) and example payloads. */
public final class Demo {

    public static final String PLATFORM = "PLAT-01";
    public static final String PLATFORM_KEY = "phk_demoplat01_demo-key-plat-01";
    public static final String BROKER = "BROKER-01";
    public static final String MERCHANT = "MERCH-01";
    public static final String MERCHANT_KEY = "phk_demomerch01_demo-key-merch-01";
    public static final String LOGISTICS = "LOG-01";
    public static final String PAYMENT_KEY = "phk_demopay01_demo-key-pay-01";
    public static final String LOGISTICS_KEY = "phk_demolog01_demo-key-log-01";
    public static final String WAREHOUSE_KEY = "phk_demowhqd01_demo-key-wh-qd-01";
    public static final String BROKER_KEY = "phk_demobroker01_demo-key-broker-01";
    public static final String CUSTOMS_KEY = "phk_democustoms_demo-key-customs";
    public static final String ADMIN_KEY = "phk_demoadmin_demo-key-admin";
    /** The console's demo administrator (config/admins.yaml). */
    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "demo-admin-password";

    private Demo() {
    }

    /** The valid example order of the integrators' guide (src/test/resources/a5-order.json). */
    public static String exampleOrder() {
        try (InputStream in = Demo.class.getResourceAsStream("/a5-order.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
