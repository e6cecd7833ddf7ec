package org.parkhub.journal;

/** Correlation keys the journal can be searched by. */
public enum CorrelationKey {
    ORDER_NO("order_no"),
    LOGISTICS_NO("logistics_no");

    private final String column;

    CorrelationKey(String column) {
        this.column = column;
    }

    String column() {
        return column;
    }
}
