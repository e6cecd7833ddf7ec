package org.parkhub.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** The canonical message types; {@code path} is the name used in URLs, routing rules and schemas. */
public enum MessageType {
    PRODUCT("product", ProductFiling.class),
    STOCK_MOVEMENT("stock-movement", StockMovement.class),
    ORDER("order", Order.class),
    PAYMENT("payment", Payment.class),
    WAYBILL("waybill", Waybill.class),
    SHIPMENT_EVENT("shipment-event", ShipmentEvent.class),
    INVENTORY_DECLARATION("inventory-declaration", InventoryDeclaration.class),
    INVENTORY_CANCELLATION("inventory-cancellation", InventoryCancellation.class),
    INVENTORY_REFUND("inventory-refund", InventoryRefund.class),
    WAREHOUSE_IN_LIST("warehouse-in-list", WarehouseInList.class),
    CUSTOMS_RECEIPT("customs-receipt", CustomsReceipt.class),
    TAX_BILL("tax-bill", TaxBill.class),
    /** The hub's own: what its customs pre-check says about a transaction. */
    PRECHECK_RESULT("precheck-result", PrecheckResult.class);

    /** What firms send themselves (REST, broker, files); customs documents come through the CEB ingress. */
    public static final List<MessageType> FIRM_MESSAGES = List.of(PRODUCT, STOCK_MOVEMENT, ORDER, PAYMENT, WAYBILL,
            SHIPMENT_EVENT);

    /** What only the hub itself writes: no firm may send these, an administrator neither. */
    public static final List<MessageType> HUB_MESSAGES = List.of(PRECHECK_RESULT);

    private final String path;
    private final Class<? extends Record> payloadClass;

    MessageType(String path, Class<? extends Record> payloadClass) {
        this.path = path;
        this.payloadClass = payloadClass;
    }

    @JsonValue
    public String path() {
        return path;
    }

    public Class<? extends Record> payloadClass() {
        return payloadClass;
    }

    public static Optional<MessageType> byPath(String path) {
        return Arrays.stream(values()).filter(t -> t.path.equals(path)).findFirst();
    }

    public static MessageType of(Record payload) {
        return Arrays.stream(values()).filter(t -> t.payloadClass == payload.getClass()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a canonical payload: " + payload.getClass()));
    }
}
