package org.parkhub.customs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signer of the declarations the gateway sends: the park's key store ({@code parkhub.customs.signing.*}), else
 * the demo key made in the data directory for the simulator. Read on the first declaration, then kept: a hub that
 * never declares never touches a key.
 */
public final class CebSigning implements Supplier<CebSigner> {

    private static final Logger LOG = LoggerFactory.getLogger(CebSigning.class);

    private final CustomsSettings settings;
    private final Path demoKey;
    private volatile CebSigner signer;

    public CebSigning(CustomsSettings settings, Path demoKey) {
        this.settings = settings;
        this.demoKey = demoKey;
    }

    @Override
    public CebSigner get() {
        CebSigner ready = signer;
        if (ready != null) {
            return ready;
        }
        synchronized (this) {
            if (signer == null) {
                signer = load();
            }
            return signer;
        }
    }

    private CebSigner load() {
        try {
            if (settings.signingKeyStore().isPresent()) {
                return KeyStoreCebSigner.load(settings.signingKeyStore().get(), settings.signingPassword().toCharArray(),
                        settings.signingAlias());
            }
            Path store = DemoSigningKey.ensure(demoKey);
            LOG.warn("customs: declarations are signed with the demo key {} (the simulator's only); set "
                    + "parkhub.customs.signing.key-store for a real declarant", store);
            return KeyStoreCebSigner.load(store, DemoSigningKey.PASSWORD.toCharArray(), DemoSigningKey.ALIAS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the key that signs declarations to customs", e);
        }
    }
}
