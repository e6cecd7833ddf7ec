package org.parkhub.participant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Webhook secrets sealed under a key outside the database: readable with that key for that owner only. */
class SecretSealerTest {

    private static final String SECRET = "whsec-test-0123456789abcdef";

    @Test
    void aSealedSecretOpensForItsOwnerAndGivesNothingAway() {
        SecretSealer sealer = SecretSealer.withNewKey();
        String sealed = sealer.seal(SECRET, "WH-01");
        assertThat(sealed).startsWith("sealed:v1:" + sealer.keyId() + ":").doesNotContain(SECRET);
        assertThat(SecretSealer.isSealed(sealed)).isTrue();
        assertThat(sealer.seal(SECRET, "WH-01")).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThat(sealer.open(sealed, "WH-01")).isEqualTo(SECRET);
    }

    @Test
    void anotherOwnerAnotherKeyOrAnAlteredValueDoNotOpen() {
        SecretSealer sealer = SecretSealer.withNewKey();
        String sealed = sealer.seal(SECRET, "WH-01");
        assertThatThrownBy(() -> sealer.open(sealed, "WH-02"))
                .isInstanceOf(SecretSealer.UnreadableSecretException.class)
                .hasMessageContaining("WH-02").hasMessageContaining("sealed for another participant");
        SecretSealer other = SecretSealer.withNewKey();
        assertThatThrownBy(() -> other.open(sealed, "WH-01"))
                .isInstanceOf(SecretSealer.UnreadableSecretException.class)
                .hasMessageContaining("sealed with key " + sealer.keyId())
                .hasMessageContaining("this hub's key " + other.keyId())
                .hasMessageContaining("parkhub.secrets.key-file");
        String prefix = sealed.substring(0, sealed.lastIndexOf(':') + 1);
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(prefix.length()));
        bytes[bytes.length - 1] ^= 1; // one bit of the tag
        String altered = prefix + Base64.getEncoder().encodeToString(bytes);
        assertThatThrownBy(() -> sealer.open(altered, "WH-01")).isInstanceOf(SecretSealer.UnreadableSecretException.class);
        assertThatThrownBy(() -> sealer.open("sealed:v1:" + sealer.keyId() + ":AAAA", "WH-01"))
                .isInstanceOf(SecretSealer.UnreadableSecretException.class).hasMessageContaining("cut short");
    }

    @Test
    void aSecretKeptInClearByAnEarlierVersionReadsAsItIs() {
        assertThat(SecretSealer.isSealed(SECRET)).isFalse();
        assertThat(SecretSealer.withNewKey().open(SECRET, "WH-01")).isEqualTo(SECRET);
    }

    @Test
    void theKeyFileIsMadeOnceReadableByTheHubOnlyAndKept(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys").resolve("secrets.key");
        SecretSealer first = SecretSealer.fromKeyFile(file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
        assertThat(dir.resolve("keys")).isDirectoryNotContaining(p -> !p.equals(file));
        SecretSealer again = SecretSealer.fromKeyFile(file);
        assertThat(again.keyId()).isEqualTo(first.keyId());
        assertThat(again.open(first.seal(SECRET, "WH-01"), "WH-01")).isEqualTo(SECRET);
    }

    @Test
    void aKeyFileWithoutAKeyIsRefusedWithHowToMakeOne(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("secrets.key");
        Files.writeString(file, "not base64 at all!\n");
        assertThatThrownBy(() -> SecretSealer.fromKeyFile(file))
                .hasMessageContaining(file.toString()).hasMessageContaining("openssl rand -base64 32");
        Files.writeString(file, Base64.getEncoder().encodeToString(new byte[16]) + "\n");
        assertThatThrownBy(() -> SecretSealer.fromKeyFile(file)).hasMessageContaining("32-byte key");
    }

    @Test
    void aKeyedHashIsTheSameUnderOneKeyAndRevealsNothingUnderAnother(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        SecretSealer node = SecretSealer.fromKeyFile(dir.resolve("secrets.key"));
        SecretSealer otherNode = SecretSealer.fromKeyFile(dir.resolve("secrets.key"));
        String id = "1:110101199003077777";
        assertThat(node.keyedHash(id)).hasSize(64).isEqualTo(otherNode.keyedHash(id)).doesNotContain("110101199003077777");
        assertThat(node.keyedHash(id)).isNotEqualTo(node.keyedHash("1:110101199003077778"));
        assertThat(SecretSealer.withNewKey().keyedHash(id)).as("another park's key").isNotEqualTo(node.keyedHash(id));
    }
}
