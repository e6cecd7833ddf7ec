package org.parkhub.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** The ingress a message came through; {@code HUB} for what the hub writes itself (a pre-check result). */
public enum Channel {
    REST, FTP, FILE, CEB_XML, BROKER, HUB;

    @JsonValue
    public String code() {
        return name().toLowerCase().replace('_', '-');
    }
}
