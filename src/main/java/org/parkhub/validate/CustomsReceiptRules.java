package org.parkhub.validate;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.parkhub.model.CustomsReceipt;

/** Customs receipt rules: a known status for its kind, a reason, and the keys its message code is matched on (DOMAIN 3). */
public final class CustomsReceiptRules implements BusinessRules<CustomsReceipt> {

    private static final Set<Integer> STATUSES = Set.of(1, 2, 3, 4, 100, 120, 300, 399, 500, 501, 502, 503, 599, 700, 800, 899);

    private static final Map<String, List<Key>> KEYS = Map.of(
            "CEB312", List.of(Key.EBP, Key.EBC, Key.ORDER_NO),
            "CEB412", List.of(Key.PAY, Key.PAY_TRANSACTION),
            "CEB512", List.of(Key.LOGISTICS, Key.LOGISTICS_NO),
            "CEB514", List.of(Key.LOGISTICS, Key.LOGISTICS_NO),
            "CEB622", List.of(Key.COP_NO, Key.PRE_NO),
            "CEB624", List.of(Key.COP_NO, Key.PRE_NO),
            "CEB626", List.of(Key.COP_NO, Key.PRE_NO),
            "CEB712", List.of(Key.COP_NO),
            "CEB818", List.of(Key.INVT_NO, Key.TAX_NO),
            "CEB900", List.of(Key.ORIGINAL_TYPE));

    /** CEB818 tax bill states: 1 generated, 2 summarised for payment, 3 void. */
    private static final Set<Integer> TAX_BILL_STATUSES = Set.of(1, 2, 3);

    private enum Key {
        EBP("ebpCode", CustomsReceipt::ebpCode),
        EBC("ebcCode", CustomsReceipt::ebcCode),
        ORDER_NO("orderNo", CustomsReceipt::orderNo),
        PAY("payCode", CustomsReceipt::payCode),
        PAY_TRANSACTION("payTransactionId", CustomsReceipt::payTransactionId),
        LOGISTICS("logisticsCode", CustomsReceipt::logisticsCode),
        LOGISTICS_NO("logisticsNo", CustomsReceipt::logisticsNo),
        COP_NO("copNo", CustomsReceipt::copNo),
        PRE_NO("preNo", CustomsReceipt::preNo),
        INVT_NO("invtNo", CustomsReceipt::invtNo),
        TAX_NO("taxNo", CustomsReceipt::taxNo),
        ORIGINAL_TYPE("originalMessageType", CustomsReceipt::originalMessageType);

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
        int status = receipt.returnStatus();
        switch (receipt.messageCode()) {
            case "CEB818" -> {
                if (!TAX_BILL_STATUSES.contains(status)) {
                    findings.error("returnStatus", "CODE_LIST", status + " is not a tax bill status (1, 2 or 3)");
                }
            }
            case "CEB900" -> {
                if (status >= 0) {
                    findings.error("returnStatus", "CODE_LIST", "a CEB900 format error has a negative status, not " + status);
                }
            }
            default -> {
                // negative statuses are processing errors (e.g. -621005 over the single-transaction limit)
                if (status >= 0 && !STATUSES.contains(status)) {
                    findings.error("returnStatus", "CODE_LIST", status + " is not a customs return status");
                }
            }
        }
        // a tax bill status has no text; every other receipt says why
        if (!"CEB818".equals(receipt.messageCode()) && (receipt.returnInfo() == null || receipt.returnInfo().isBlank())) {
            findings.error("returnInfo", "REQUIRED", receipt.messageCode() + " carries its reason in returnInfo");
        }
    }
}
