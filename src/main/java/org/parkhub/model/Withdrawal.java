package org.parkhub.model;

/**
 * A request about a declaration customs has already released, naming it by {@code invtNo}: a cancellation
 * ({@link InventoryCancellation}, CEB623) or a consumer return ({@link InventoryRefund}, CEB625). Both carry
 * the same head, so they are written to customs the same way.
 */
public interface Withdrawal {

    String customsCode();

    String orderNo();

    String ebpCode();

    String ebpName();

    String ebcCode();

    String ebcName();

    String logisticsNo();

    String logisticsCode();

    String logisticsName();

    String copNo();

    String preNo();

    String invtNo();

    Person buyer();

    String agentCode();

    String agentName();

    String reason();

    String note();
}
