package org.parkhub.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** The customs trade mode of an import declaration. */
public enum TradeMode {
    /** 1210, bonded import: goods kept on an account book in a bonded zone. */
    BONDED("1210"),
    /** 1239, bonded import "A": bonded import in the cities where 1210's pilot rules do not apply. */
    BONDED_A("1239"),
    /** 9610, direct-purchase import: each parcel shipped from abroad. */
    DIRECT("9610");

    private final String customsCode;

    TradeMode(String customsCode) {
        this.customsCode = customsCode;
    }

    @JsonValue
    public String customsCode() {
        return customsCode;
    }

    /** Goods declared out of a bonded zone's account book: the declaration names the book and the zone. */
    public boolean bonded() {
        return this != DIRECT;
    }
}
