package org.parkhub.journal;

import java.util.function.Function;

import org.parkhub.model.CorrelationKeys;

/** Correlation keys the journal can be searched by, each with its kind in the journal's key table. */
public enum CorrelationKey {
    ORDER_NO("order_no", CorrelationKeys::orderNo),
    LOGISTICS_NO("logistics_no", CorrelationKeys::logisticsNo),
    PAY_TRANSACTION_ID("pay_transaction_id", CorrelationKeys::payTransactionId),
    INVT_NO("invt_no", CorrelationKeys::invtNo),
    SKU("sku", CorrelationKeys::sku),
    BATCH_NO("batch_no", CorrelationKeys::batchNo);

    private final String kind;
    private final Function<CorrelationKeys, String> value;

    CorrelationKey(String kind, Function<CorrelationKeys, String> value) {
        this.kind = kind;
        this.value = value;
    }

    String kind() {
        return kind;
    }

    /** This key's value among a message's keys; null when it has none. */
    String valueIn(CorrelationKeys keys) {
        return value.apply(keys);
    }
}
