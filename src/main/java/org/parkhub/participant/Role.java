package org.parkhub.participant;

/** What a park firm does; decides which messages it may send and which it receives by default. */
public enum Role {
    PLATFORM, MERCHANT, PAYMENT, LOGISTICS, WAREHOUSE, BROKER, CUSTOMS, ADMIN
}
