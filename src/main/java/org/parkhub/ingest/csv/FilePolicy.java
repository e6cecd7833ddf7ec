package org.parkhub.ingest.csv;

import com.fasterxml.jackson.annotation.JsonValue;

/** What happens to a file with some bad rows. */
public enum FilePolicy {
    /** The good rows go on; the bad ones are reported (the default). */
    PARTIAL("partial"),
    /** One bad row rejects the whole file; nothing of it is journaled. */
    ALL_OR_NOTHING("all-or-nothing");

    private final String code;

    FilePolicy(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }
}
