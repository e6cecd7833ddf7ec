package org.parkhub.model;

/** Constants of the canonical model's published form. */
public final class Canonical {

    public static final String SCHEMA_VERSION = "1.0";

    private Canonical() {
    }
}
