package org.parkhub.participant;

import java.security.SecureRandom;
import java.util.Base64;

/** Fresh credentials for a participant, shown once to the administrator who made them and stored only hashed. */
public final class NewSecret {

    private static final SecureRandom RANDOM = new SecureRandom();

    private NewSecret() {
    }

    /** Letters, digits, - and _ only: an FTP client's settings dialog takes it as it is. */
    public static String ftpPassword() {
        return random(18);
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }
}
