package org.parkhub.customs;

import java.time.ZoneId;
import java.util.Collections;
import java.util.List;

import org.parkhub.customs.ceb.CEB311Message;
import org.parkhub.customs.ceb.CEB312Message;
import org.parkhub.customs.ceb.CEB411Message;
import org.parkhub.customs.ceb.CEB412Message;
import org.parkhub.customs.ceb.CEB511Message;
import org.parkhub.customs.ceb.CEB512Message;
import org.parkhub.customs.ceb.CEB513Message;
import org.parkhub.customs.ceb.CEB514Message;
import org.parkhub.customs.ceb.CEB621Message;
import org.parkhub.customs.ceb.CEB622Message;
import org.parkhub.customs.ceb.CEB623Message;
import org.parkhub.customs.ceb.CEB624Message;
import org.parkhub.customs.ceb.CEB625Message;
import org.parkhub.customs.ceb.CEB626Message;
import org.parkhub.customs.ceb.CEB711Message;
import org.parkhub.customs.ceb.CEB712Message;
import org.parkhub.customs.ceb.CEB816Message;
import org.parkhub.customs.ceb.CEB818Message;
import org.parkhub.customs.ceb.CEB900Message;
import org.parkhub.model.DocumentAction;
import org.parkhub.model.MessageType;

/** A customs XML document as canonical payloads of one type, whichever CEB message it is (by its root element). */
public final class CebDocuments {

    /** The customs messages the hub reads, by code. */
    public static final List<String> READABLE = List.of("CEB311", "CEB312", "CEB411", "CEB412", "CEB511", "CEB512",
            "CEB513", "CEB514", "CEB621", "CEB622", "CEB623", "CEB624", "CEB625", "CEB626", "CEB711", "CEB712",
            "CEB816", "CEB818", "CEB900");

    /** The canonical types customs documents hold. */
    public static final List<MessageType> TYPES = List.of(MessageType.ORDER, MessageType.CUSTOMS_RECEIPT,
            MessageType.PAYMENT, MessageType.WAYBILL, MessageType.SHIPMENT_EVENT, MessageType.INVENTORY_DECLARATION,
            MessageType.INVENTORY_CANCELLATION, MessageType.INVENTORY_REFUND, MessageType.WAREHOUSE_IN_LIST,
            MessageType.TAX_BILL);

    /**
     * The canonical type and payloads a customs document holds, and what each business node's head says it does to
     * its document ({@code appType}: 1 new, 2 modify, 3 cancel); receipts have no appType and are each new.
     */
    public record Content(String messageCode, MessageType type, List<? extends Record> payloads,
                          List<DocumentAction> actions) {

        public Content {
            payloads = List.copyOf(payloads);
            actions = List.copyOf(actions);
            if (actions.size() != payloads.size()) {
                throw new IllegalArgumentException(actions.size() + " appTypes for " + payloads.size() + " payloads");
            }
        }

        /** A document whose nodes say nothing of their document: receipts, tax bills. */
        static Content ofNew(String messageCode, MessageType type, List<? extends Record> payloads) {
            return new Content(messageCode, type, payloads, Collections.nCopies(payloads.size(), DocumentAction.NEW));
        }
    }

    private CebDocuments() {
    }

    public static Content read(String xml, ZoneId zone) throws CustomsXmlException {
        String root = CebXml.rootName(xml);
        String code = root.endsWith("Message") ? root.substring(0, root.length() - "Message".length()) : root;
        return switch (root) {
            case "CEB311Message" -> {
                CEB311Message message = CebXml.read(xml, CEB311Message.class);
                yield new Content(code, MessageType.ORDER, CebOrders.fromCeb311(message),
                        CebCodes.actions(message.getOrder().stream().map(n -> n.getOrderHead().getAppType()).toList()));
            }
            case "CEB312Message" -> Content.ofNew(code, MessageType.CUSTOMS_RECEIPT,
                    CebOrders.fromCeb312(CebXml.read(xml, CEB312Message.class), zone));
            case "CEB411Message" -> {
                CEB411Message message = CebXml.read(xml, CEB411Message.class);
                yield new Content(code, MessageType.PAYMENT, CebPayments.fromCeb411(message, zone),
                        CebCodes.actions(message.getPayment().stream().map(n -> n.getPaymentHead().getAppType()).toList()));
            }
            case "CEB412Message" -> Content.ofNew(code, MessageType.CUSTOMS_RECEIPT,
                    CebPayments.fromCeb412(CebXml.read(xml, CEB412Message.class), zone));
            case "CEB511Message" -> {
                CEB511Message message = CebXml.read(xml, CEB511Message.class);
                yield new Content(code, MessageType.WAYBILL, CebWaybills.fromCeb511(message),
                        CebCodes.actions(message.getLogistics().stream().map(n -> n.getLogisticsHead().getAppType()).toList()));
            }
            case "CEB512Message" -> Content.ofNew(code, MessageType.CUSTOMS_RECEIPT,
                    CebWaybills.fromCeb512(CebXml.read(xml, CEB512Message.class), zone));
            case "CEB513Message" -> {
                CEB513Message message = CebXml.read(xml, CEB513Message.class);
                yield new Content(code, MessageType.SHIPMENT_EVENT, CebShipments.fromCeb513(message, zone),
                        CebCodes.actions(message.getLogisticsStatus().stream().map(n -> n.getAppType()).toList()));
            }
            case "CEB514Message" -> Content.ofNew(code, MessageType.CUSTOMS_RECEIPT,
                    CebShipments.fromCeb514(CebXml.read(xml, CEB514Message.class), zone));
            case "CEB621Message" -> {
                CEB621Message message = CebXml.read(xml, CEB621Message.class);
                yield new Content(code, MessageType.INVENTORY_DECLARATION, CebInventories.fromCeb621(message),
                        CebCodes.actions(message.getInventory().stream().map(n -> n.getInventoryHead().getAppType()).toList()));
            }
            case "CEB622Message" -> Content.ofNew(code, MessageType.CUSTOMS_RECEIPT,
                    CebInventories.fromCeb622(CebXml.read(xml, CEB622Message.class), zone));
            case "CEB623Message" -> {
                CEB623Message message = CebXml.read(xml, CEB623Message.class);
                yield new Content(code, MessageType.INVENTORY_CANCELLATION, CebWithdrawals.fromCeb623(message),
                        CebCodes.actions(message.getInvtCancel().stream().map(n -> n.getAppType()).toList()));
            }
            case "CEB624Message" -> Content.ofNew(code, MessageType.CUSTOMS_RECEIPT,
                    CebWithdrawals.fromCeb624(CebXml.read(xml, CEB624Message.class), zone));
            case "CEB625Message" -> {
                CEB625Message message = CebXml.read(xml, CEB625Message.class);
                yield new Content(code, MessageType.INVENTORY_REFUND, CebWithdrawals.fromCeb625(message),
                        CebCodes.actions(message.getInvtRefund().stream().map(n -> n.getInvtRefundHead().getAppType()).toList()));
            }
            case "CEB626Message" -> Content.ofNew(code, MessageType.CUSTOMS_RECEIPT,
                    CebWithdrawals.fromCeb626(CebXml.read(xml, CEB626Message.class), zone));
            case "CEB711Message" -> {
                CEB711Message message = CebXml.read(xml, CEB711Message.class);
                yield new Content(code, MessageType.WAREHOUSE_IN_LIST, CebWarehouseIn.fromCeb711(message),
                        CebCodes.actions(List.of(message.getDelivery().getDeliveryHead().getAppType())));
            }
            case "CEB712Message" -> Content.ofNew(code, MessageType.CUSTOMS_RECEIPT,
                    CebWarehouseIn.fromCeb712(CebXml.read(xml, CEB712Message.class), zone));
            case "CEB816Message" -> Content.ofNew(code, MessageType.TAX_BILL,
                    CebTaxes.fromCeb816(CebXml.read(xml, CEB816Message.class), zone));
            case "CEB818Message" -> Content.ofNew(code, MessageType.CUSTOMS_RECEIPT,
                    CebTaxes.fromCeb818(CebXml.read(xml, CEB818Message.class), zone));
            case "CEB900Message" -> Content.ofNew(code, MessageType.CUSTOMS_RECEIPT,
                    CebFormatErrors.fromCeb900(CebXml.read(xml, CEB900Message.class), zone));
            default -> throw new CustomsXmlException(root + " is not a customs message this hub reads (it reads "
                    + String.join(", ", READABLE) + ")");
        };
    }
}
