package org.parkhub.customs;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The embedded default's signing key: an RSA key with a self-signed certificate, made once in the data directory, so
 * that declarations to the built-in simulator go signed as real ones do. It stands for no firm and no customs
 * system trusts it; a park configures its declarants' keys ({@code parkhub.customs.signing.key-store}).
 */
public final class DemoSigningKey {

    /** Not a secret: the key only ever signs for the simulator. */
    public static final String PASSWORD = "parkhub-demo";
    public static final String ALIAS = "ceb";
    private static final Duration VALIDITY = Duration.ofDays(3650);

    private DemoSigningKey() {
    }

    /** The key store at {@code path}, made first if it is not there. */
    public static Path ensure(Path path) throws IOException {
        if (Files.exists(path)) {
            return path;
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            X500Name name = new X500Name("CN=parkhub demo declarant, O=parkhub (simulator only)");
            Instant now = Instant.now();
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    new JcaX509v3CertificateBuilder(name, new BigInteger(64, new SecureRandom()), Date.from(now),
                            Date.from(now.plus(VALIDITY)), name, pair.getPublic())
                            .build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, pair.getPrivate(), PASSWORD.toCharArray(), new Certificate[] {certificate});
            Files.createDirectories(path.toAbsolutePath().getParent());
            Path partial = path.resolveSibling(path.getFileName() + ".partial");
            try (OutputStream out = Files.newOutputStream(partial)) {
                store.store(out, PASSWORD.toCharArray());
            }
            // another node or thread may have made it meanwhile: the first one stays
            if (!Files.exists(path)) {
                Files.move(partial, path, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.delete(partial);
            }
            return path;
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IOException("cannot make the demo signing key " + path + ": " + e.getMessage(), e);
        }
    }
}
