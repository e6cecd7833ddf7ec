package org.parkhub.participant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parkhub.platform.Database;
import org.parkhub.platform.HubSettings;
import org.parkhub.support.TestSettings;

/** Seeding the demo park: secrets hashed on import, never stored in clear, verified on use. */
class ParticipantsTest {

    @TempDir
    static Path dataDir;
    static HikariDataSource dataSource;
    static ParticipantStore store;
    static ParticipantDirectory directory;
    static CredentialCheck credentials;

    @BeforeAll
    static void seed() {
        HubSettings settings = TestSettings.embedded(dataDir);
        dataSource = Database.open(settings);
        store = new ParticipantStore(dataSource, SecretSealer.withNewKey());
        SecretHasher hasher = new SecretHasher();
        assertThat(new ParticipantSeed(store, hasher).importFile(settings.participantsFile())).isEqualTo(8);
        directory = new ParticipantDirectory(store);
        directory.reload();
        credentials = new CredentialCheck(directory, hasher);
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @Test
    void theDemoParkHasOneFirmOfEachRole() {
        assertThat(directory.all()).flatExtracting(Participant::roles).containsExactlyInAnyOrder(Role.values());
        assertThat(directory.byCode(PartyCode.EBC, "3301960XYZ")).map(Participant::id).contains("MERCH-01");
        assertThat(directory.withRole(Role.WAREHOUSE)).extracting(Participant::id).containsExactly("WH-QD-01");
    }

    @Test
    void theDatabaseHoldsOnlySaltedHashes() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT api_key_hash, ftp_password_hash FROM participant")) {
            while (rs.next()) {
                assertThat(rs.getString(1)).startsWith("$argon2id$").doesNotContain("demo-key");
                assertThat(rs.getString(2)).startsWith("$argon2id$").doesNotContain("demo-ftp");
            }
        }
        SecretHasher hasher = new SecretHasher();
        assertThat(hasher.hash("same secret")).isNotEqualTo(hasher.hash("same secret"));
    }

    @Test
    void apiKeysAndPasswordsAreVerified() {
        assertThat(credentials.byApiKey("demo-key-merch-01")).map(Participant::id).contains("MERCH-01");
        assertThat(credentials.byApiKey("demo-key-merch-01")).as("again, from memory").map(Participant::id).contains("MERCH-01");
        assertThat(credentials.byApiKey("demo-key-merch-02")).isEmpty();
        assertThat(credentials.byApiKey("")).isEmpty();
        assertThat(credentials.byIdAndApiKey("MERCH-01", "demo-key-merch-01")).isPresent();
        assertThat(credentials.byIdAndApiKey("LOG-01", "demo-key-merch-01")).as("another firm's key").isEmpty();
        assertThat(credentials.byIdAndFtpPassword("WH-QD-01", "demo-ftp-wh-qd-01")).isPresent();
        assertThat(credentials.byIdAndFtpPassword("WH-QD-01", "demo-key-wh-qd-01")).as("the API key is not the FTP password").isEmpty();
    }

    @Test
    void aWebhookSecretIsSealedInTheDatabaseAndOpenedWithTheKey() throws Exception {
        String secret = "whsec-sealing-test-0123456789";
        insertWithHashes(webhookParticipant("HOOK-1", secret));
        assertThat(storedDelivery("HOOK-1")).contains("sealed:v1:").doesNotContain(secret);
        assertThat(delivery("HOOK-1").secret()).isEqualTo(secret);

        String changed = "whsec-sealing-changed-987654321";
        assertThat(store.update(webhookParticipant("HOOK-1", changed))).isTrue();
        assertThat(storedDelivery("HOOK-1")).contains("sealed:v1:").doesNotContain(changed);
        assertThat(delivery("HOOK-1").secret()).isEqualTo(changed);

        ParticipantStore otherKey = new ParticipantStore(dataSource, SecretSealer.withNewKey());
        assertThatThrownBy(otherKey::findAll).hasMessageContaining("HOOK-1").hasMessageContaining("parkhub.secrets.key-file");
    }

    @Test
    void secretsAnEarlierVersionKeptInClearAreSealedOnce() throws Exception {
        String secret = "whsec-kept-in-clear-0123456789";
        insertWithHashes(webhookParticipant("HOOK-2", secret));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE participant SET delivery = '{\"channel\":\"webhook\",\"format\":\"json\","
                    + "\"url\":\"https://hook.example/in\",\"secret\":\"" + secret + "\"}' WHERE id = 'HOOK-2'");
        }
        assertThat(delivery("HOOK-2").secret()).as("still usable before sealing").isEqualTo(secret);
        assertThat(store.sealClearSecrets()).isEqualTo(1);
        assertThat(storedDelivery("HOOK-2")).contains("sealed:v1:").doesNotContain(secret);
        assertThat(delivery("HOOK-2").secret()).isEqualTo(secret);
        assertThat(store.sealClearSecrets()).as("nothing left in clear").isZero();
    }

    private static Participant webhookParticipant(String id, String secret) {
        return new Participant(id, "Webhook firm", Set.of(Role.WAREHOUSE), Map.of(), Map.of(),
                new Delivery("webhook", "json", "https://hook.example/in", secret, null, null, null));
    }

    private static void insertWithHashes(Participant p) {
        SecretHasher hasher = new SecretHasher();
        store.insert(new ParticipantStore.Stored(p, hasher.hash("key-" + p.id()), hasher.hash("ftp-" + p.id())));
    }

    private static String storedDelivery(String id) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT delivery FROM participant WHERE id = '" + id + "'")) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    private static Delivery delivery(String id) {
        return store.findAll().stream().filter(stored -> stored.participant().id().equals(id)).findFirst().orElseThrow()
                .participant().delivery();
    }

    @Test
    void aRestartDoesNotReimportOrResetParticipants() {
        assertThat(new ParticipantSeed(store, new SecretHasher()).importFile(Path.of("config/participants.yaml"))).isZero();
    }

    @Test
    void aBadSeedFileIsRefusedWithItsReason(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("participants.yaml");
        Files.writeString(file, "participants:\n  - id: 'bad id!'\n    name: X\n    roles: [MERCHANT]\n");
        assertThatThrownBy(() -> new ParticipantSeed(store, new SecretHasher()).importFile(file)).hasMessageContaining("id must match");
        Files.writeString(file, "participants:\n  - id: NEW-1\n    name: X\n    roles: [MERCHANT]\n    codes: {bankCode: 1}\n");
        assertThatThrownBy(() -> new ParticipantSeed(store, new SecretHasher()).importFile(file)).hasMessageContaining("unknown code type bankCode");
        Files.writeString(file, "participants:\n  - id: NEW-2\n    name: X\n    roles: [TRADER]\n");
        assertThatThrownBy(() -> new ParticipantSeed(store, new SecretHasher()).importFile(file)).hasMessageContaining("TRADER");
    }
}
