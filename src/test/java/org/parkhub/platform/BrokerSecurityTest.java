package org.parkhub.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import javax.security.auth.Subject;

import com.zaxxer.hikari.HikariDataSource;
import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parkhub.guard.GuessThrottle;
import org.parkhub.participant.ApiKey;
import org.parkhub.participant.CredentialCheck;
import org.parkhub.participant.Delivery;
import org.parkhub.participant.Participant;
import org.parkhub.participant.ParticipantDirectory;
import org.parkhub.participant.ParticipantForm;
import org.parkhub.participant.ParticipantStore;
import org.parkhub.participant.SecretHasher;
import org.parkhub.participant.SecretSealer;
import org.parkhub.support.TestSettings;

/** No participant id can name the hub's broker role, not even one stored before ids like {@code hub} were reserved. */
class BrokerSecurityTest {

    @TempDir
    Path dataDir;

    @Test
    void aParticipantCalledHubGetsItsOwnRoleNotTheHubs() {
        assertThat(ParticipantForm.reserved("hub")).isTrue();
        assertThat(ParticipantForm.reserved("HUB")).isTrue();
        assertThat(ParticipantForm.reserved("parkhub-x")).isTrue();
        assertThat(ParticipantForm.reserved("hub-events")).isTrue();
        assertThat(ParticipantForm.reserved("HUBEI-01")).as("a firm whose name starts like it").isFalse();
        try (HikariDataSource dataSource = Database.open(TestSettings.embedded(dataDir))) {
            ParticipantStore store = new ParticipantStore(dataSource, SecretSealer.withNewKey());
            SecretHasher hasher = new SecretHasher();
            ApiKey key = ApiKey.generate();
            // as an older version could store it, past the form's reserved names
            store.insert(new ParticipantStore.Stored(new Participant("hub", "Not the hub", Set.of(org.parkhub.participant.Role.MERCHANT),
                    Map.of(), Map.of(), Delivery.defaultQueue()), key.id(), hasher.hash(key.text()), null));
            ParticipantDirectory directory = new ParticipantDirectory(store);
            directory.reload();
            BrokerSecurity security = new BrokerSecurity("the hub's own secret", new CredentialCheck(directory, hasher),
                    new GuessThrottle(new GuessThrottle.Limits(20, 5, 100, Duration.ofMinutes(5), Duration.ofSeconds(1), 1000),
                            Clock.systemUTC()));

            Subject firm = security.authenticate("hub", key.text(), null, null);
            assertThat(firm).isNotNull();
            Role hubRole = new Role(BrokerSecurity.HUB_ROLE, true, true, true, true, true, true, true, true, true, true);
            for (CheckType check : CheckType.values()) {
                assertThat(security.authorize(firm, Set.of(hubRole), check, "hub.events")).as(check.name()).isFalse();
            }
            Role ownQueue = new Role(BrokerSecurity.participantRole("hub"), false, true, false, false, false, false, false,
                    true, false, false);
            assertThat(security.authorize(firm, Set.of(ownQueue), CheckType.CONSUME, "hub.deliver.hub")).isTrue();
        }
    }
}
