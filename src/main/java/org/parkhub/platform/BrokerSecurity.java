package org.parkhub.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;

import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager;
import org.parkhub.participant.CredentialCheck;
import org.parkhub.participant.Participant;

/**
 * Who may connect to the embedded broker: the hub itself (an internal user whose secret is made anew at
 * every start and never leaves memory) and each participant, with its id and API key. A connection
 * acts under one role: {@code hub}, or the participant's id, which the security settings grant on
 * the participant's own queue only.
 */
final class BrokerSecurity implements ActiveMQSecurityManager {

    static final String HUB_ROLE = "hub";
    /** Not a valid participant id (ids cannot contain a dot), so it cannot be claimed by a firm. */
    static final String HUB_USER = "parkhub.hub";

    private final byte[] hubSecret;
    private final CredentialCheck credentials;

    BrokerSecurity(String hubSecret, CredentialCheck credentials) {
        this.hubSecret = hubSecret.getBytes(StandardCharsets.UTF_8);
        this.credentials = credentials;
    }

    @Override
    public boolean validateUser(String user, String password) {
        return roleOf(user, password).isPresent();
    }

    @Override
    public boolean validateUserAndRole(String user, String password, Set<Role> roles, CheckType checkType) {
        Optional<String> role = roleOf(user, password);
        return role.isPresent() && roles.stream()
                .anyMatch(r -> r.getName().equals(role.get()) && checkType.hasRole(r));
    }

    private Optional<String> roleOf(String user, String password) {
        if (user == null || password == null) {
            return Optional.empty();
        }
        if (HUB_USER.equals(user)) {
            return MessageDigest.isEqual(hubSecret, password.getBytes(StandardCharsets.UTF_8))
                    ? Optional.of(HUB_ROLE) : Optional.empty();
        }
        return credentials.byIdAndApiKey(user, password).map(Participant::id);
    }
}
