package org.parkhub.participant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parkhub.guard.GuessThrottle;
import org.parkhub.platform.Database;
import org.parkhub.platform.HubSettings;
import org.parkhub.support.TestSettings;

/** Seeding the demo park: secrets hashed on import, never stored in clear, verified on use. */
class ParticipantsTest {

    private static final GuessThrottle.Turn NO_LIMIT = () -> { };
    /** Every hash is preceded by a turn: a check given this one must answer without hashing. */
    private static final GuessThrottle.Turn NOT_HASHED = () -> {
        throw new AssertionError("a secret was hashed");
    };

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
        assertThat(new ParticipantSeed(store, hasher).importFile(settings.participants().participantsFile())).isEqualTo(8);
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
             // the hub's own row (the sender of its pre-check results) has no secrets at all
             ResultSet rs = s.executeQuery("SELECT api_key_hash, ftp_password_hash FROM participant WHERE id <> '"
                     + Participant.HUB + "'")) {
            while (rs.next()) {
                assertThat(rs.getString(1)).startsWith("$argon2id$").doesNotContain("demo-key");
                assertThat(rs.getString(2)).startsWith("$argon2id$").doesNotContain("demo-ftp");
            }
        }
        SecretHasher hasher = new SecretHasher();
        assertThat(hasher.hash("same secret")).isNotEqualTo(hasher.hash("same secret"));
    }

    @Test
    void apiKeysAndPasswordsAreVerified() throws Exception {
        assertThat(credentials.byApiKey("phk_demomerch01_demo-key-merch-01", NO_LIMIT)).map(Participant::id).contains("MERCH-01");
        assertThat(credentials.byApiKey("phk_demomerch01_demo-key-merch-01", NOT_HASHED)).as("again, from memory")
                .map(Participant::id).contains("MERCH-01");
        assertThat(credentials.byApiKey("phk_demomerch02_demo-key-merch-02", NOT_HASHED)).as("an id nobody holds").isEmpty();
        assertThat(credentials.byApiKey("", NOT_HASHED)).isEmpty();
        assertThat(credentials.byIdAndApiKey("MERCH-01", "phk_demomerch01_demo-key-merch-01", NOT_HASHED)).isPresent();
        assertThat(credentials.byIdAndApiKey("LOG-01", "phk_demomerch01_demo-key-merch-01", NOT_HASHED))
                .as("another firm's key").isEmpty();
        assertThat(credentials.byIdAndFtpPassword("WH-QD-01", "demo-ftp-wh-qd-01")).isPresent();
        assertThat(credentials.byIdAndFtpPassword("WH-QD-01", "phk_demowhqd01_demo-key-wh-qd-01")).as("the API key is not the FTP password").isEmpty();
        assertThat(credentials.namedBy("phk_demomerch01_anything-at-all")).contains("MERCH-01");
        assertThat(credentials.namedBy("phk_nosuchkey_anything-at-all")).isEmpty();
    }

    @Test
    void aWrongKeyCostsAtMostOneHashHoweverManyFirmsThereAre() throws Exception {
        SecretHasher hasher = new SecretHasher();
        List<ApiKey> keys = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            ApiKey key = ApiKey.generate();
            keys.add(key);
            String hash = hasher.hash(key.text());
            store.insert(new ParticipantStore.Stored(new Participant("MANY-" + i, "Firm " + i, Set.of(Role.MERCHANT), Map.of(),
                    Map.of(), Delivery.defaultQueue()), key.id(), hash, hash));
        }
        CredentialCheck credentials = reloadedCheck(hasher);
        AtomicInteger hashes = new AtomicInteger();
        GuessThrottle.Turn counting = hashes::incrementAndGet;
        for (int i = 0; i < 40; i++) {
            assertThat(credentials.byApiKey(ApiKey.generate().text(), counting)).as("a random key").isEmpty();
        }
        assertThat(hashes).as("random keys name no key: nothing hashed").hasValue(0);
        String wrongSecret = "phk_" + keys.get(7).id() + "_" + "x".repeat(43);
        assertThat(credentials.byApiKey(wrongSecret, counting)).isEmpty();
        assertThat(credentials.byApiKey(wrongSecret, counting)).as("the same wrong key again").isEmpty();
        assertThat(hashes).as("one key named, one hash, once").hasValue(1);
        assertThat(credentials.byApiKey(keys.get(7).text(), counting)).map(Participant::id).contains("MANY-7");
        assertThat(hashes).hasValue(2);
    }

    @Test
    void aKeyMadeBeforeKeyIdsStillWorksAndIsSearchedOnlyAmongSuchKeys() throws Exception {
        SecretHasher hasher = new SecretHasher();
        String oldKey = "pk_" + "k".repeat(43);
        String hash = hasher.hash(oldKey);
        store.insert(new ParticipantStore.Stored(new Participant("OLD-KEY", "Old firm", Set.of(Role.MERCHANT), Map.of(),
                Map.of(), Delivery.defaultQueue()), null, hash, hash));
        CredentialCheck credentials = reloadedCheck(hasher);
        AtomicInteger hashes = new AtomicInteger();
        assertThat(credentials.byApiKey(oldKey, hashes::incrementAndGet)).map(Participant::id).contains("OLD-KEY");
        assertThat(credentials.byApiKey(oldKey, NOT_HASHED)).as("remembered").map(Participant::id).contains("OLD-KEY");
        assertThat(credentials.byIdAndApiKey("OLD-KEY", oldKey, NOT_HASHED)).isPresent();
        assertThat(credentials.byIdAndApiKey("MERCH-01", oldKey, NOT_HASHED)).as("not another firm's").isEmpty();
        assertThat(credentials.byApiKey("pk_" + "w".repeat(43), hashes::incrementAndGet)).isEmpty();
        assertThat(hashes).hasValue(2);
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

    /** A check over the participants as stored now (the shared directory keeps the demo park as seeded). */
    private static CredentialCheck reloadedCheck(SecretHasher hasher) {
        ParticipantDirectory now = new ParticipantDirectory(store);
        now.reload();
        return new CredentialCheck(now, hasher);
    }

    private static Participant webhookParticipant(String id, String secret) {
        return new Participant(id, "Webhook firm", Set.of(Role.WAREHOUSE), Map.of(), Map.of(),
                new Delivery("webhook", "json", "https://hook.example/in", secret, null, null, null));
    }

    private static void insertWithHashes(Participant p) {
        SecretHasher hasher = new SecretHasher();
        store.insert(new ParticipantStore.Stored(p, null, hasher.hash("key-" + p.id()), hasher.hash("ftp-" + p.id())));
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
