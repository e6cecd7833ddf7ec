package org.parkhub.validate;

import org.parkhub.model.Waybill;

/** CEB511 waybill rules. */
public final class WaybillRules implements BusinessRules<Waybill> {

    @Override
    public Class<Waybill> type() {
        return Waybill.class;
    }

    @Override
    public void check(Waybill waybill, Findings findings) {
        SharedRules.renminbi(waybill.currency(), "currency", findings);
        if (waybill.logisticsNo().equals(waybill.orderNo())) {
            findings.error("logisticsNo", "LOGISTICS_NO_IS_ORDER_NO",
                    "the carrier's waybill number must not be the order number");
        }
    }
}
