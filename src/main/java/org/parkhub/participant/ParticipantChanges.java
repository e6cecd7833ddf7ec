package org.parkhub.participant;

/**
 * What the hub does when an administrator changes a participant (already stored): the change works at once,
 * without a restart. The start-up wiring implements it over the broker, the FTP homes and the delivery routes.
 */
public interface ParticipantChanges {

    /** Credentials changed: keys and passwords remembered as verified are checked again. */
    void credentialsChanged();

    /** A participant joined the park. */
    void joined(Participant participant) throws Exception;

    /** A participant changed: its rights follow its roles, its delivery route its delivery. */
    void changed(Participant before, Participant after) throws Exception;
}
