package org.parkhub.validate;

/**
 * The business rules of one payload type, checked after the schema-level constraints have passed
 * (so required fields are present).
 */
public interface BusinessRules<T extends Record> {

    Class<T> type();

    void check(T payload, Findings findings);
}
