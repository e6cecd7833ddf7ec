package org.parkhub.precheck;

import java.util.List;

import org.parkhub.model.InventoryDeclaration;
import org.parkhub.model.Order;
import org.parkhub.model.Payment;
import org.parkhub.model.Waybill;

/**
 * The documents of one transaction the hub holds (any may be missing), and the other transactions' documents that
 * use the same payment transaction or waybill number: customs takes each number once.
 */
public record CaseDocuments(Order order, Payment payment, Waybill waybill, InventoryDeclaration declaration,
                            List<Payment> paymentsOfOtherOrders, List<Waybill> waybillsOfOtherOrders) {

    public CaseDocuments {
        paymentsOfOtherOrders = List.copyOf(paymentsOfOtherOrders);
        waybillsOfOtherOrders = List.copyOf(waybillsOfOtherOrders);
    }

    public CaseDocuments(Order order, Payment payment, Waybill waybill, InventoryDeclaration declaration) {
        this(order, payment, waybill, declaration, List.of(), List.of());
    }
}
