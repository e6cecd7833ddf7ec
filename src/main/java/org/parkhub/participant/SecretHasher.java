package org.parkhub.participant;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Salted Argon2id hashes of API keys and passwords (password4j). The hash string carries its own
 * salt and parameters, so cost can be raised later without invalidating stored hashes.
 */
public final class SecretHasher {

    // 16 MiB, 2 passes: about 20 ms on the park's 2-core machine; verified keys are cached by the caller
    private static final Argon2Function ARGON2 = Argon2Function.getInstance(16384, 2, 1, 32, Argon2.ID);

    public String hash(String secret) {
        return Password.hash(secret).addRandomSalt(16).with(ARGON2).getResult();
    }

    public boolean matches(String secret, String hash) {
        if (secret == null || hash == null || hash.isEmpty()) {
            return false;
        }
        return Password.check(secret, hash).with(Argon2Function.getInstanceFromHash(hash));
    }
}
