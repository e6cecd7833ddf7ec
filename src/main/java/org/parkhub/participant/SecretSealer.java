package org.parkhub.participant;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals the secrets the hub must use again, which therefore cannot be hashed (a webhook's signing secret), with
 * AES-256-GCM under a key kept outside the database: a copy of the database alone does not give them away. A
 * sealed value names the key it was sealed with and is bound to its owner, so it cannot be moved to another
 * participant's row.
 */
public final class SecretSealer {

    private static final String PREFIX = "sealed:v1:";
    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final String keyId;

    SecretSealer(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("a sealing key has " + KEY_BYTES + " bytes, not " + key.length);
        }
        this.key = new SecretKeySpec(key, "AES");
        this.keyId = idOf(key);
    }

    /** A sealer with a new random key, kept nowhere (tests of what is stored). */
    public static SecretSealer withNewKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return new SecretSealer(key);
    }

    /**
     * The key in {@code file} (base64 of 32 bytes, as {@code openssl rand -base64 32} makes it); when there is no
     * such file, a new key is written there, readable by the hub's user only.
     */
    public static SecretSealer fromKeyFile(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            byte[] key;
            try {
                key = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
            } catch (IllegalArgumentException e) {
                throw badKeyFile(file);
            }
            if (key.length != KEY_BYTES) {
                throw badKeyFile(file);
            }
            return new SecretSealer(key);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the secrets key file " + file + ": " + e.getMessage(), e);
        }
    }

    private static IllegalStateException badKeyFile(Path file) {
        return new IllegalStateException("the secrets key file " + file + " must hold the base64 of a " + KEY_BYTES
                + "-byte key (make one with: openssl rand -base64 32)");
    }

    /** Writes a new key without ever replacing one: two nodes starting at once on a shared file keep one key. */
    private static void create(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path written = Files.createTempFile(dir, ".secrets", ".key",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        Files.writeString(written, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
        try {
            // a hard link fails if the name exists, where a rename would replace it
            Files.createLink(file, written);
        } catch (FileAlreadyExistsException e) {
            // another node made it first: use its key
        } finally {
            Files.delete(written);
        }
    }

    /**
     * A keyed hash (HMAC-SHA256, hex) of a text that must be compared but never kept, such as a buyer's identity number:
     * under a key of its own derived from the secrets key, so that the same text has the same hash on every node that
     * shares the key file, and nobody without it can test a guess.
     */
    public String keyedHash(String text) {
        try {
            Mac derive = Mac.getInstance("HmacSHA256");
            derive.init(key);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(derive.doFinal("parkhub keyed hash v1".getBytes(StandardCharsets.UTF_8)),
                    "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Names the key without giving it away: the first 8 bytes of its SHA-256, in hex. */
    private static String idOf(byte[] key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    public String keyId() {
        return keyId;
    }

    public static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    /** {@code secret} sealed for {@code owner}. */
    public String seal(String secret, String owner) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, iv, owner);
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] out = Arrays.copyOf(iv, IV_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return PREFIX + keyId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal a secret of " + owner, e);
        }
    }

    /**
     * The secret in {@code stored}, sealed for {@code owner}; a value stored in clear by a version before sealing
     * is returned as it is.
     *
     * @throws UnreadableSecretException when it was sealed with another key, for another owner, or was altered
     */
    public String open(String stored, String owner) {
        if (!isSealed(stored)) {
            return stored;
        }
        String rest = stored.substring(PREFIX.length());
        int colon = rest.indexOf(':');
        String sealedWith = colon < 0 ? "" : rest.substring(0, colon);
        if (!keyId.equals(sealedWith)) {
            throw new UnreadableSecretException("the webhook secret of " + owner + " was sealed with key " + sealedWith
                    + ", not with this hub's key " + keyId + ": give the hub the key file it was sealed with"
                    + " (parkhub.secrets.key-file; every node of a scale-out needs the same one)");
        }
        try {
            byte[] in = Base64.getDecoder().decode(rest.substring(colon + 1));
            if (in.length <= IV_BYTES) {
                throw new UnreadableSecretException("the webhook secret of " + owner + " is cut short");
            }
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(in, IV_BYTES), owner);
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new UnreadableSecretException("the webhook secret of " + owner
                    + " does not open with key " + keyId + " (altered, or sealed for another participant)");
        }
    }

    private Cipher cipher(int mode, byte[] iv, String owner) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    /** A sealed secret this hub cannot open. */
    public static final class UnreadableSecretException extends IllegalStateException {
        UnreadableSecretException(String message) {
            super(message);
        }
    }
}
