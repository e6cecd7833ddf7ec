package org.parkhub.model;

/** Field formats from the customs specification, shared by the model's constraints and its schemas. */
public final class Formats {

    /** Customs registration code (10) or unified social credit code (18). */
    public static final String PARTY_CODE = "^[0-9A-Z]{10}([0-9A-Z]{8})?$";
    /** Business numbers: order, waybill, payment transaction, declaration numbers; no spaces. */
    public static final String DOCUMENT_NO = "^[0-9A-Za-z._/-]+$";
    /** Ten-digit commodity code: 8-digit tariff line plus 2. */
    public static final String HS_CODE = "^[0-9]{10}$";
    /** A product filing's GS1 barcode (GTIN-8 to GTIN-14); customs' own {@code barCode} is free text. */
    public static final String GTIN = "^[0-9]{8,14}$";
    public static final String PHONE = "^[0-9+() -]{5,50}$";
    public static final String IDENTIFIER = "^[0-9A-Za-z_./-]+$";

    /** decimal(19,5) as in the customs messages. */
    public static final int MONEY_INTEGER_DIGITS = 14;
    public static final int MONEY_FRACTION_DIGITS = 5;

    private Formats() {
    }
}
