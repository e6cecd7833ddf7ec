package org.parkhub.participant;

import java.util.Arrays;
import java.util.Optional;

/** The customs codes a participant may hold; the names are the field names used in messages. */
public enum PartyCode {
    EBP("ebpCode"),
    EBC("ebcCode"),
    PAY("payCode"),
    LOGISTICS("logisticsCode"),
    WAREHOUSE("warehouseCode"),
    AREA("areaCode"),
    AGENT("agentCode"),
    /** The firm's user number on the China E-Port exchange (CEB {@code BaseTransfer/dxpId}). */
    DXP("dxpId");

    private final String fieldName;

    PartyCode(String fieldName) {
        this.fieldName = fieldName;
    }

    public String fieldName() {
        return fieldName;
    }

    public static Optional<PartyCode> byFieldName(String name) {
        return Arrays.stream(values()).filter(c -> c.fieldName.equals(name)).findFirst();
    }
}
