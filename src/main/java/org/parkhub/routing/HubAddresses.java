package org.parkhub.routing;

/** The broker addresses the hub publishes to and routes from. */
public final class HubAddresses {

    /** Every journaled message, once (multicast: the router and the side consumers each have a queue). */
    public static final String EVENTS = "hub.events";
    /** The router's durable queue on {@link #EVENTS}. */
    public static final String ROUTER_QUEUE = "hub.router";

    private HubAddresses() {
    }
}
