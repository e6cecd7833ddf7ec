package org.parkhub.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;

import javax.security.auth.Subject;

import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager5;
import org.apache.activemq.artemis.spi.core.security.jaas.RolePrincipal;
import org.apache.activemq.artemis.spi.core.security.jaas.UserPrincipal;
import org.parkhub.participant.CredentialCheck;
import org.parkhub.participant.Participant;

/**
 * Who may connect to the embedded broker: the hub itself (an internal user whose secret is made anew at
 * every start and never leaves memory) and each participant, with its id and API key. A connection acts
 * under one role: {@code hub}, or the participant's id, which the security settings grant on the
 * participant's own queues only. The authenticated user is what the broker stamps on each message sent.
 */
final class BrokerSecurity implements ActiveMQSecurityManager5 {

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
    public Subject authenticate(String user, String password, RemotingConnection connection, String securityDomain) {
        return roleOf(user, password).map(role -> {
            Subject subject = new Subject();
            subject.getPrincipals().add(new UserPrincipal(user));
            subject.getPrincipals().add(new RolePrincipal(role));
            return subject;
        }).orElse(null);
    }

    @Override
    public boolean authorize(Subject subject, Set<Role> roles, CheckType checkType, String address) {
        return subject != null && subject.getPrincipals(RolePrincipal.class).stream()
                .anyMatch(principal -> roles.stream()
                        .anyMatch(r -> r.getName().equals(principal.getName()) && checkType.hasRole(r)));
    }

    @Override
    public boolean validateUser(String user, String password) {
        return roleOf(user, password).isPresent();
    }

    @Override
    public boolean validateUserAndRole(String user, String password, Set<Role> roles, CheckType checkType) {
        return authorize(authenticate(user, password, null, null), roles, checkType, null);
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
