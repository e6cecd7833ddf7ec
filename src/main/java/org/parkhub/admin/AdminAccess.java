package org.parkhub.admin;

import java.util.Optional;

import org.apache.camel.Exchange;
import org.parkhub.ingest.ApiAuthentication;
import org.parkhub.ingest.Problem;
import org.parkhub.participant.CredentialCheck;
import org.parkhub.participant.Participant;
import org.parkhub.participant.Role;

/** Lets park administrators through: the caller when it is one, else empty with 401 or 403 already answered. */
public class AdminAccess {

    private final CredentialCheck credentials;

    public AdminAccess(CredentialCheck credentials) {
        this.credentials = credentials;
    }

    public Optional<Participant> administrator(Exchange exchange) {
        Optional<Participant> caller = ApiAuthentication.caller(exchange, credentials);
        if (caller.isEmpty()) {
            return caller;
        }
        if (!caller.get().hasRole(Role.ADMIN)) {
            Problem.of(403, "not-permitted", "Not permitted", "only park administrators may do this").writeTo(exchange);
            return Optional.empty();
        }
        return caller;
    }
}
