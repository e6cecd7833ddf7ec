package org.parkhub.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** The ingress a message came through. */
public enum Channel {
    REST, FTP, FILE, CEB_XML, BROKER;

    @JsonValue
    public String code() {
        return name().toLowerCase().replace('_', '-');
    }
}
