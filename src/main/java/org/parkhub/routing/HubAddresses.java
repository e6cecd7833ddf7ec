package org.parkhub.routing;

/** The broker addresses the hub publishes to and routes from. */
public final class HubAddresses {

    /** Every journaled message, once (multicast: the router and the side consumers each have a queue). */
    public static final String EVENTS = "hub.events";
    /** The router's durable queue on {@link #EVENTS}. */
    public static final String ROUTER_QUEUE = "hub.router";
    /** The customs pre-check's durable queue on {@link #EVENTS}: the types that may change a customs case. */
    public static final String PRECHECK_QUEUE = "hub.precheck";
    /**
     * Where the broker puts a recipient's copy that was delivered and not acknowledged too often (a participant
     * whose consumer keeps rolling back); the hub journals it as a dead letter (config/broker.xml).
     */
    public static final String DEAD_COPIES = "hub.dead";

    private HubAddresses() {
    }
}
