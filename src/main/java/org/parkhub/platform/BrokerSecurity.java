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
import org.parkhub.guard.GuessThrottle;
import org.parkhub.participant.CredentialCheck;
import org.parkhub.participant.Participant;

/**
 * Who may connect to the embedded broker: the hub itself (an internal user whose secret is made anew at
 * every start and never leaves memory) and each participant, with its id and API key. A connection acts
 * under one role: the hub's, or its participant's ({@link #participantRole}), which the security settings grant
 * on the participant's own queues only. Role names are not participant ids, so no id can name the hub's role.
 * The authenticated user is what the broker stamps on each message sent.
 */
final class BrokerSecurity implements ActiveMQSecurityManager5 {

    /** Participant ids cannot contain a dot or a colon, so neither role name can be a participant's. */
    static final String HUB_ROLE = "parkhub.hub";
    /** Not a valid participant id (ids cannot contain a dot), so it cannot be claimed by a firm. */
    static final String HUB_USER = "parkhub.hub";
    private static final String UNKNOWN_ADDRESS = "unknown";

    private final byte[] hubSecret;
    private final CredentialCheck credentials;
    private final GuessThrottle guesses;

    BrokerSecurity(String hubSecret, CredentialCheck credentials, GuessThrottle guesses) {
        this.hubSecret = hubSecret.getBytes(StandardCharsets.UTF_8);
        this.credentials = credentials;
        this.guesses = guesses;
    }

    @Override
    public Subject authenticate(String user, String password, RemotingConnection connection, String securityDomain) {
        return roleOf(user, password, clientAddress(connection)).map(role -> {
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
        return roleOf(user, password, UNKNOWN_ADDRESS).isPresent();
    }

    @Override
    public boolean validateUserAndRole(String user, String password, Set<Role> roles, CheckType checkType) {
        return authorize(authenticate(user, password, null, null), roles, checkType, null);
    }

    /** The connection's role; a participant's login counts in the guess throttle like a REST key or FTP password. */
    private Optional<String> roleOf(String user, String password, String address) {
        if (user == null || password == null) {
            return Optional.empty();
        }
        if (HUB_USER.equals(user)) {
            return MessageDigest.isEqual(hubSecret, password.getBytes(StandardCharsets.UTF_8))
                    ? Optional.of(HUB_ROLE) : Optional.empty();
        }
        GuessThrottle.Account account = guesses.participant(user);
        if (guesses.lockedFor(account, address).isPresent()) {
            return Optional.empty();
        }
        Optional<Participant> participant;
        try {
            participant = credentials.byIdAndApiKey(user, password, () -> guesses.takeTurn(address));
        } catch (GuessThrottle.Slowed slowed) {
            return Optional.empty(); // not a wrong key: not counted
        }
        if (participant.isEmpty()) {
            guesses.failed(account, address);
            return Optional.empty();
        }
        guesses.succeeded(account, address);
        return Optional.of(participantRole(participant.get().id()));
    }

    /** The client's IP address ({@code /127.0.0.1:50412} as Artemis gives it, without the port). */
    private static String clientAddress(RemotingConnection connection) {
        if (connection == null || connection.getRemoteAddress() == null) {
            return UNKNOWN_ADDRESS;
        }
        String remote = connection.getRemoteAddress();
        int port = remote.lastIndexOf(':');
        String host = port > 0 ? remote.substring(0, port) : remote;
        return host.startsWith("/") ? host.substring(1) : host;
    }

    static String participantRole(String participantId) {
        return "participant:" + participantId;
    }
}
