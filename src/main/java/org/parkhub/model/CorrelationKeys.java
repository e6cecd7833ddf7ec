package org.parkhub.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The business keys that tie messages of one transaction or one product together. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CorrelationKeys(
        String orderNo,
        String sku,
        String batchNo,
        String logisticsNo,
        String payTransactionId,
        String invtNo) {

    /** The keys a payload carries. */
    public static CorrelationKeys of(Record payload) {
        if (payload instanceof ProductFiling p) {
            return new CorrelationKeys(null, p.sku(), null, null, null, null);
        } else if (payload instanceof StockMovement s) {
            return new CorrelationKeys(null, s.sku(), s.batchNo(), null, null, null);
        } else if (payload instanceof Order o) {
            return new CorrelationKeys(o.orderNo(), null, null, null, o.payTransactionId(), null);
        } else if (payload instanceof Payment p) {
            return new CorrelationKeys(p.orderNo(), null, null, null, p.payTransactionId(), null);
        } else if (payload instanceof Waybill w) {
            return new CorrelationKeys(w.orderNo(), null, null, w.logisticsNo(), null, null);
        } else if (payload instanceof ShipmentEvent e) {
            return new CorrelationKeys(e.orderNo(), null, null, e.logisticsNo(), null, null);
        } else if (payload instanceof InventoryDeclaration d) {
            return new CorrelationKeys(d.orderNo(), null, null, d.logisticsNo(), null, d.invtNo());
        } else if (payload instanceof InventoryCancellation c) {
            return new CorrelationKeys(c.orderNo(), null, null, c.logisticsNo(), null, c.invtNo());
        } else if (payload instanceof InventoryRefund r) {
            return new CorrelationKeys(r.orderNo(), null, null, r.logisticsNo(), null, r.invtNo());
        } else if (payload instanceof WarehouseInList) {
            // one list covers many parcels: each is found through its own waybill
            return new CorrelationKeys(null, null, null, null, null, null);
        } else if (payload instanceof CustomsReceipt r) {
            return new CorrelationKeys(r.orderNo(), null, null, r.logisticsNo(), r.payTransactionId(), r.invtNo());
        } else if (payload instanceof TaxBill t) {
            return new CorrelationKeys(t.orderNo(), null, null, null, null, t.invtNo());
        } else if (payload instanceof PrecheckResult r) {
            return new CorrelationKeys(r.orderNo(), null, null, null, null, null);
        }
        throw new IllegalArgumentException("not a canonical payload: " + payload.getClass());
    }
}
