package org.parkhub.customs;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.parkhub.model.CustomsReceipt;
import org.parkhub.model.Envelope;
import org.parkhub.model.InventoryCancellation;
import org.parkhub.model.InventoryDeclaration;
import org.parkhub.model.InventoryRefund;
import org.parkhub.model.Order;
import org.parkhub.model.Payment;
import org.parkhub.model.ShipmentEvent;
import org.parkhub.model.ShipmentStatus;
import org.parkhub.model.TaxBill;
import org.parkhub.model.WarehouseInList;
import org.parkhub.model.Waybill;

/**
 * A journaled message as the customs message it corresponds to, for firms that take customs XML: an order as
 * CEB311, a sign-for as CEB513, a receipt by its own code, and so on. Products, stock movements and tracking
 * events other than the sign-for have no customs form. Declarations are written unsigned: the hub passes a
 * copy on, it does not declare. A head's appType is what the message does to its document: 1 its first revision,
 * 2 a later one, 3 its cancellation.
 */
public final class CebWriter {

    private CebWriter() {
    }

    /** The document, or empty when the message has no customs form. {@code transfer} names its original sender. */
    public static Optional<String> write(Envelope envelope, CebTransfer transfer, ZoneId zone) {
        Record payload = envelope.payload();
        Object message;
        if (payload instanceof Order order) {
            message = CebOrders.toCeb311(List.of(order), transfer, envelope.receivedAt(), envelope.action(), zone);
        } else if (payload instanceof Payment payment) {
            message = CebPayments.toCeb411(List.of(payment), transfer, envelope.receivedAt(), envelope.action(), zone);
        } else if (payload instanceof Waybill waybill) {
            message = CebWaybills.toCeb511(List.of(waybill), transfer, envelope.receivedAt(), envelope.action(), zone);
        } else if (payload instanceof ShipmentEvent event && event.status() == ShipmentStatus.SIGNED) {
            message = CebShipments.toCeb513(List.of(event), transfer, envelope.receivedAt(), envelope.action(), zone);
        } else if (payload instanceof InventoryDeclaration declaration) {
            message = CebInventories.toCeb621(List.of(declaration), transfer, envelope.receivedAt(), envelope.action(), zone);
        } else if (payload instanceof InventoryCancellation cancellation) {
            message = CebWithdrawals.toCeb623(List.of(cancellation), transfer, envelope.receivedAt(), envelope.action(), zone);
        } else if (payload instanceof InventoryRefund refund) {
            message = CebWithdrawals.toCeb625(List.of(refund), transfer, envelope.receivedAt(), envelope.action(), zone);
        } else if (payload instanceof WarehouseInList list) {
            message = CebWarehouseIn.toCeb711(list, transfer, envelope.receivedAt(), envelope.action(), zone);
        } else if (payload instanceof TaxBill bill) {
            message = CebTaxes.toCeb816(List.of(bill), zone);
        } else if (payload instanceof CustomsReceipt receipt) {
            message = receipt(receipt, zone);
        } else {
            return Optional.empty();
        }
        return Optional.of(CebXml.write(message));
    }

    private static Object receipt(CustomsReceipt receipt, ZoneId zone) {
        List<CustomsReceipt> one = List.of(receipt);
        return switch (receipt.messageCode()) {
            case "CEB312" -> CebOrders.toCeb312(one, zone);
            case "CEB412" -> CebPayments.toCeb412(one, zone);
            case "CEB512" -> CebWaybills.toCeb512(one, zone);
            case "CEB514" -> CebShipments.toCeb514(one, zone);
            case "CEB622" -> CebInventories.toCeb622(one, zone);
            case "CEB624" -> CebWithdrawals.toCeb624(one, zone);
            case "CEB626" -> CebWithdrawals.toCeb626(one, zone);
            case "CEB712" -> CebWarehouseIn.toCeb712(one, zone);
            case "CEB818" -> CebTaxes.toCeb818(one, zone);
            case "CEB900" -> CebFormatErrors.toCeb900(receipt, zone);
            default -> throw new IllegalArgumentException(receipt.messageCode() + " is not a customs receipt");
        };
    }
}
