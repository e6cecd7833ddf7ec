package org.parkhub.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.parkhub.customs.KeyStoreCebSigner;

/** A throw-away RSA key and self-signed certificate, made by the JDK's keytool, to sign customs messages in tests. */
public final class TestSigningKey {

    public static final char[] PASSWORD = "test-only".toCharArray();
    public static final String ALIAS = "ceb";

    private TestSigningKey() {
    }

    /** Creates the key store in {@code dir} and returns its path. */
    public static Path create(Path dir) throws Exception {
        Path store = dir.resolve("ceb-signing.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", ALIAS, "-keyalg", "RSA",
                "-keysize", "2048", "-validity", "30", "-dname", "CN=parkhub test declarant", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0 || !Files.exists(store)) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        return store;
    }

    public static KeyStoreCebSigner signer(Path dir) throws Exception {
        return KeyStoreCebSigner.load(create(dir), PASSWORD, ALIAS);
    }
}
