package org.parkhub.platform;

import org.parkhub.guard.GuessThrottle;
import org.parkhub.guard.OutboundTargets;
import org.parkhub.participant.CredentialCheck;
import org.parkhub.participant.ParticipantDirectory;
import org.parkhub.participant.ParticipantPolicy;
import org.parkhub.participant.ParticipantSeed;
import org.parkhub.participant.ParticipantSettings;
import org.parkhub.participant.ParticipantStore;
import org.parkhub.participant.SecretHasher;
import org.parkhub.participant.SecretSealer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The participants: their store (secrets sealed), the seed file, the directory, credentials and their throttle. */
final class ParticipantWiring {

    private static final Logger LOG = LoggerFactory.getLogger(ParticipantWiring.class);

    final ParticipantStore store;
    final SecretHasher hasher = new SecretHasher();
    final ParticipantDirectory directory;
    final CredentialCheck credentials;
    final GuessThrottle guesses;
    final ParticipantPolicy policy;
    final SecretSealer sealer;

    ParticipantWiring(HubFoundation hub) throws Exception {
        ParticipantSettings settings = hub.settings.participants();
        sealer = SecretSealer.fromKeyFile(settings.secretsKeyFile());
        LOG.info("secrets: webhook secrets sealed with key {} from {}", sealer.keyId(), settings.secretsKeyFile());
        store = new ParticipantStore(hub.dataSource, sealer);
        int unsealed = store.sealClearSecrets();
        if (unsealed > 0) {
            LOG.info("secrets: sealed {} webhook secrets an earlier version kept in clear", unsealed);
        }
        new ParticipantSeed(store, hasher).importFile(settings.participantsFile());
        directory = new ParticipantDirectory(store);
        directory.reload();
        credentials = new CredentialCheck(directory, hasher);
        // one throttle for every channel: a firm's secrets guessed over REST, FTP or the broker count together
        guesses = new GuessThrottle(hub.settings.guessing(), hub.clock);
        policy = new ParticipantPolicy(new OutboundTargets(hub.settings.deliveries().allowInternalTargets()),
                hub.settings.files().sourceFileRoots());
    }
}
