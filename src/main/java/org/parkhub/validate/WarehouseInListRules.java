package org.parkhub.validate;

import org.parkhub.model.WarehouseInList;
import org.parkhub.model.WarehouseInParcel;

/** CEB711 rules: parcels numbered 1, 2, 3... and each waybill listed once. */
public final class WarehouseInListRules implements BusinessRules<WarehouseInList> {

    @Override
    public Class<WarehouseInList> type() {
        return WarehouseInList.class;
    }

    @Override
    public void check(WarehouseInList list, Findings findings) {
        SharedRules.lineNumbers("parcels", list.parcels(), WarehouseInParcel::gnum, findings);
        SharedRules.unique("parcels", list.parcels(), WarehouseInParcel::logisticsNo, "logisticsNo", findings);
    }
}
