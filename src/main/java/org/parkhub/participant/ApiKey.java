package org.parkhub.participant;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An API key as a firm sends it: {@code phk_<key id>_<secret>}. The key id is not secret: it lets the hub find the
 * one key a request names and check one hash, and turn away a key nobody holds without hashing anything. Keys made
 * before key ids existed have no id; they are checked the old, slow way until rotated (docs/decisions).
 */
public record ApiKey(String id, String text) {

    private static final Pattern FORM = Pattern.compile("phk_([a-z0-9]{4,32})_([A-Za-z0-9_-]{12,128})");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    /** The key in this form, or empty (a key made before key ids, or no key at all). */
    public static Optional<ApiKey> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = FORM.matcher(text);
        return matcher.matches() ? Optional.of(new ApiKey(matcher.group(1), text)) : Optional.empty();
    }

    /** A new key: a 60-bit random id and a 256-bit random secret. */
    public static ApiKey generate() {
        StringBuilder id = new StringBuilder(12);
        for (int i = 0; i < 12; i++) {
            id.append(ID_ALPHABET[RANDOM.nextInt(ID_ALPHABET.length)]);
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String key = "phk_" + id + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return new ApiKey(id.toString(), key);
    }

    @Override
    public String toString() {
        return "ApiKey[" + id + "]"; // never the secret
    }
}
