package org.parkhub.participant;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports the participants file (docs/operations.md) into the database. Participants already in the
 * database are left as they are: after the first start they are managed at run time, and a rotated
 * credential must not be reset by a restart. Secrets are hashed here; they never reach the database in clear.
 */
public class ParticipantSeed {

    private static final Logger LOG = LoggerFactory.getLogger(ParticipantSeed.class);

    record Entry(String id, String name, Set<Role> roles, Map<String, String> codes, String apiKey,
                 String ftpPassword, Map<String, String> profiles, Delivery delivery, List<RemoteSource> sources) {
    }

    record File(List<Entry> participants) {
    }

    private final ParticipantStore store;
    private final SecretHasher hasher;

    public ParticipantSeed(ParticipantStore store, SecretHasher hasher) {
        this.store = store;
        this.hasher = hasher;
    }

    /** Returns how many participants were new. */
    public int importFile(Path file) {
        File seed = read(file);
        int added = 0;
        for (Entry entry : seed.participants() == null ? List.<Entry>of() : seed.participants()) {
            if (entry.id() != null && store.exists(entry.id())) {
                continue; // managed at run time since; a rule made later (a reserved id) does not stop an old park
            }
            Participant participant = toParticipant(entry, file);
            String keyId = entry.apiKey() == null ? null : ApiKey.parse(entry.apiKey()).map(ApiKey::id).orElse(null);
            if (entry.apiKey() != null && keyId == null) {
                LOG.warn("participant {}: its API key has no key id (phk_<key id>_<secret>): it is checked the slow way"
                        + " until it is rotated", participant.id());
            }
            store.insert(new ParticipantStore.Stored(participant, keyId,
                    entry.apiKey() == null ? null : hasher.hash(entry.apiKey()),
                    entry.ftpPassword() == null ? null : hasher.hash(entry.ftpPassword())));
            added++;
        }
        LOG.info("participants: {} imported from {}", added, file);
        return added;
    }

    static File read(Path file) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try {
            return yaml.readValue(file.toFile(), File.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read participants file " + file + ": " + e.getMessage(), e);
        }
    }

    static Participant toParticipant(Entry entry, Path file) {
        ParticipantForm form = new ParticipantForm(entry.id(), entry.name(), entry.roles(), entry.codes(), entry.profiles(),
                entry.delivery(), entry.sources());
        List<String> problems = form.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(file + ": participant " + entry.id() + ": " + String.join("; ", problems));
        }
        return form.toParticipant();
    }
}
