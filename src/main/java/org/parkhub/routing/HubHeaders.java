package org.parkhub.routing;

/** Message headers (JMS properties) the hub sets on hub.events and on delivery copies. */
public final class HubHeaders {

    public static final String MESSAGE_ID = "parkhubMessageId";
    public static final String TYPE = "parkhubType";
    public static final String SENDER = "parkhubSender";
    public static final String RECIPIENT = "parkhubRecipient";
    /** Which revision of its document a copy is, and the message of the revision it supersedes (if any). */
    public static final String REVISION = "parkhubRevision";
    public static final String SUPERSEDES = "parkhubSupersedes";
    /** What a copy does to its document: {@code new}, {@code modify} or {@code cancel}. */
    public static final String ACTION = "parkhubAction";
    /** Artemis duplicate detection: a resend with the same value is dropped by the broker. */
    public static final String DUPLICATE_ID = "_AMQ_DUPL_ID";
    /**
     * The broker hands messages of one group to one consumer at a time, in order: events of one order are
     * routed, and so queued for each recipient, in the order they were journaled.
     */
    public static final String GROUP = "JMSXGroupID";

    private HubHeaders() {
    }
}
