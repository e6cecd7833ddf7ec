package org.parkhub.validate;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.parkhub.model.CustomsReceipt;

/** Customs receipt rules: a known status, and the keys its message code is matched on (DOMAIN 3). */
public final class CustomsReceiptRules implements BusinessRules<CustomsReceipt> {

    private static final Set<Integer> STATUSES = Set.of(1, 2, 3, 4, 100, 120, 300, 399, 500, 501, 502, 503, 599, 700, 800, 899);

    private static final Map<String, List<Key>> KEYS = Map.of(
            "CEB312", List.of(Key.EBP, Key.EBC, Key.ORDER_NO),
            "CEB412", List.of(Key.PAY, Key.PAY_TRANSACTION),
            "CEB512", List.of(Key.LOGISTICS, Key.LOGISTICS_NO),
            "CEB514", List.of(Key.LOGISTICS, Key.LOGISTICS_NO),
            "CEB622", List.of(Key.COP_NO),
            "CEB624", List.of(Key.COP_NO),
            "CEB626", List.of(Key.COP_NO),
            "CEB712", List.of(Key.COP_NO),
            "CEB900", List.of());

    private enum Key {
        EBP("ebpCode", CustomsReceipt::ebpCode),
        EBC("ebcCode", CustomsReceipt::ebcCode),
        ORDER_NO("orderNo", CustomsReceipt::orderNo),
        PAY("payCode", CustomsReceipt::payCode),
        PAY_TRANSACTION("payTransactionId", CustomsReceipt::payTransactionId),
        LOGISTICS("logisticsCode", CustomsReceipt::logisticsCode),
        LOGISTICS_NO("logisticsNo", CustomsReceipt::logisticsNo),
        COP_NO("copNo", CustomsReceipt::copNo);

        final String field;
        final Function<CustomsReceipt, String> value;

        Key(String field, Function<CustomsReceipt, String> value) {
            this.field = field;
            this.value = value;
        }
    }

    @Override
    public Class<CustomsReceipt> type() {
        return CustomsReceipt.class;
    }

    @Override
    public void check(CustomsReceipt receipt, Findings findings) {
        List<Key> keys = KEYS.get(receipt.messageCode());
        if (keys == null) {
            findings.error("messageCode", "CODE_LIST", receipt.messageCode() + " is not a customs receipt message");
            return;
        }
        for (Key key : keys) {
            if (key.value.apply(receipt) == null) {
                findings.error(key.field, "RECEIPT_KEY_MISSING", receipt.messageCode() + " is matched on " + key.field);
            }
        }
        // negative statuses are processing errors (e.g. -621005 over the single-transaction limit)
        if (receipt.returnStatus() >= 0 && !STATUSES.contains(receipt.returnStatus())) {
            findings.error("returnStatus", "CODE_LIST", receipt.returnStatus() + " is not a customs return status");
        }
    }
}
