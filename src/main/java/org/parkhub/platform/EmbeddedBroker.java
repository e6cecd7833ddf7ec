package org.parkhub.platform;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.apache.activemq.artemis.core.config.FileDeploymentManager;
import org.apache.activemq.artemis.core.config.impl.FileConfiguration;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.parkhub.customs.CebDocuments;
import org.parkhub.guard.GuessThrottle;
import org.parkhub.ingest.SenderPolicy;
import org.parkhub.model.MessageType;
import org.parkhub.participant.CredentialCheck;
import org.parkhub.participant.Participant;

/**
 * The embedded ActiveMQ Artemis broker: policy from the broker config file, journal under the data dir,
 * in-VM acceptor for the hub and a TCP acceptor (Core and AMQP) on 127.0.0.1 for participants.
 */
final class EmbeddedBroker implements HubBroker {

    private final EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
    private final String hubSecret = newSecret();
    private final int port;

    private EmbeddedBroker(int port) {
        this.port = port;
    }

    static EmbeddedBroker start(HubSettings settings, Collection<Participant> participants,
                                CredentialCheck credentials, GuessThrottle guesses) throws Exception {
        int port = settings.broker().port() == 0 ? FreePort.pick() : settings.broker().port();
        EmbeddedBroker embedded = new EmbeddedBroker(port);
        FileConfiguration config = new FileConfiguration();
        FileDeploymentManager deployment = new FileDeploymentManager(
                settings.broker().configFile().toAbsolutePath().toUri().toString());
        deployment.addDeployable(config);
        deployment.readConfiguration();

        Path dir = settings.dataDir().toAbsolutePath().resolve("broker");
        config.setBrokerInstance(dir.toFile());
        config.setJournalDirectory(dir.resolve("journal").toString());
        config.setBindingsDirectory(dir.resolve("bindings").toString());
        config.setPagingDirectory(dir.resolve("paging").toString());
        config.setLargeMessagesDirectory(dir.resolve("large-messages").toString());
        config.setNodeManagerLockDirectory(dir.toString());
        config.setJMXManagementEnabled(false);
        // every login reaches BrokerSecurity, so the guess throttle sees it (our credential check caches what it verified)
        config.setAuthenticationCacheSize(0);
        config.addAcceptorConfiguration("in-vm", "vm://0");
        config.addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + port + "?protocols=CORE,AMQP");
        securityRoles(participants).forEach(config::putSecurityRoles);
        config.registerBrokerPlugin(new SenderStamp());
        embedded.broker.setConfiguration(config);
        embedded.broker.setSecurityManager(new BrokerSecurity(embedded.hubSecret, credentials, guesses));
        embedded.broker.start();
        return embedded;
    }

    /** Who may read and send where: each participant its own queues, senders the ingress of their types. */
    private static Map<String, Set<Role>> securityRoles(Collection<Participant> participants) {
        Map<String, Set<Role>> roles = new HashMap<>();
        for (Participant participant : participants) {
            roles.put(participant.deliveryQueue(), Set.of(hubRole(), readerRole(participant.id())));
            roles.put(participant.rejectionQueue(), Set.of(hubRole(), readerRole(participant.id())));
        }
        for (MessageType type : MessageType.FIRM_MESSAGES) {
            Set<Role> senders = new HashSet<>(Set.of(hubRole()));
            participants.stream().filter(p -> SenderPolicy.maySend(p, type)).forEach(p -> senders.add(senderRole(p.id())));
            roles.put(BrokerTopology.ingressAddress(type), senders);
        }
        // customs XML: whoever may send one of the types a CEB message holds (the hub checks the type it finds)
        Set<Role> cebSenders = new HashSet<>(Set.of(hubRole()));
        participants.stream().filter(p -> CebDocuments.TYPES.stream().anyMatch(t -> SenderPolicy.maySend(p, t)))
                .forEach(p -> cebSenders.add(senderRole(p.id())));
        roles.put(BrokerTopology.CEB_INGRESS, cebSenders);
        return roles;
    }

    @Override
    public void admit(Collection<Participant> participants) {
        securityRoles(participants).forEach(broker.getActiveMQServer().getSecurityRepository()::addMatch);
    }

    @Override
    public ActiveMQConnectionFactory connectionFactory() {
        return new ActiveMQConnectionFactory("vm://0", BrokerSecurity.HUB_USER, hubSecret);
    }

    @Override
    public String describe() {
        return "embedded Artemis tcp://127.0.0.1:" + port + " (CORE, AMQP)";
    }

    @Override
    public void close() throws Exception {
        broker.stop();
    }

    private static Role hubRole() {
        return new Role(BrokerSecurity.HUB_ROLE, true, true, true, true, true, true, true, true, true, true);
    }

    /** A participant may send to the ingress addresses of the types it may send. */
    private static Role senderRole(String participantId) {
        return new Role(BrokerSecurity.participantRole(participantId), true, false, false, false, false, false, false, false, false, false);
    }

    /** A participant may read and browse its own delivery queue, nothing else. */
    private static Role readerRole(String participantId) {
        return new Role(BrokerSecurity.participantRole(participantId), false, true, false, false, false, false, false, true, false, false);
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
