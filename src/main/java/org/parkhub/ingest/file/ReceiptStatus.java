package org.parkhub.ingest.file;

/** The status of one input row in a receipt; the summary row may also say PARTIAL. */
public enum ReceiptStatus {
    ACCEPTED, REJECTED, DUPLICATE, INCOMPLETE, PARTIAL
}
