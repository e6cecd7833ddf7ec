package org.parkhub.customs;

import java.time.ZoneId;
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
import org.parkhub.model.MessageType;

/** A customs XML document as canonical payloads of one type, whichever CEB message it is (by its root element). */
public final class CebDocuments {

    /** The customs messages the hub reads, by code. */
    public static final List<String> READABLE = List.of("CEB311", "CEB312", "CEB411", "CEB412", "CEB511", "CEB512",
            "CEB513", "CEB514", "CEB621", "CEB622", "CEB623", "CEB624", "CEB625", "CEB626", "CEB711", "CEB712",
            "CEB816", "CEB818", "CEB900");

    /** The canonical type and payloads a customs document holds. */
    public record Content(String messageCode, MessageType type, List<? extends Record> payloads) {
    }

    private CebDocuments() {
    }

    public static Content read(String xml, ZoneId zone) throws CustomsXmlException {
        String root = CebXml.rootName(xml);
        String code = root.endsWith("Message") ? root.substring(0, root.length() - "Message".length()) : root;
        return switch (root) {
            case "CEB311Message" -> new Content(code, MessageType.ORDER,
                    CebOrders.fromCeb311(CebXml.read(xml, CEB311Message.class)));
            case "CEB312Message" -> new Content(code, MessageType.CUSTOMS_RECEIPT,
                    CebOrders.fromCeb312(CebXml.read(xml, CEB312Message.class), zone));
            case "CEB411Message" -> new Content(code, MessageType.PAYMENT,
                    CebPayments.fromCeb411(CebXml.read(xml, CEB411Message.class), zone));
            case "CEB412Message" -> new Content(code, MessageType.CUSTOMS_RECEIPT,
                    CebPayments.fromCeb412(CebXml.read(xml, CEB412Message.class), zone));
            case "CEB511Message" -> new Content(code, MessageType.WAYBILL,
                    CebWaybills.fromCeb511(CebXml.read(xml, CEB511Message.class)));
            case "CEB512Message" -> new Content(code, MessageType.CUSTOMS_RECEIPT,
                    CebWaybills.fromCeb512(CebXml.read(xml, CEB512Message.class), zone));
            case "CEB513Message" -> new Content(code, MessageType.SHIPMENT_EVENT,
                    CebShipments.fromCeb513(CebXml.read(xml, CEB513Message.class), zone));
            case "CEB514Message" -> new Content(code, MessageType.CUSTOMS_RECEIPT,
                    CebShipments.fromCeb514(CebXml.read(xml, CEB514Message.class), zone));
            case "CEB621Message" -> new Content(code, MessageType.INVENTORY_DECLARATION,
                    CebInventories.fromCeb621(CebXml.read(xml, CEB621Message.class)));
            case "CEB622Message" -> new Content(code, MessageType.CUSTOMS_RECEIPT,
                    CebInventories.fromCeb622(CebXml.read(xml, CEB622Message.class), zone));
            case "CEB623Message" -> new Content(code, MessageType.INVENTORY_CANCELLATION,
                    CebWithdrawals.fromCeb623(CebXml.read(xml, CEB623Message.class)));
            case "CEB624Message" -> new Content(code, MessageType.CUSTOMS_RECEIPT,
                    CebWithdrawals.fromCeb624(CebXml.read(xml, CEB624Message.class), zone));
            case "CEB625Message" -> new Content(code, MessageType.INVENTORY_REFUND,
                    CebWithdrawals.fromCeb625(CebXml.read(xml, CEB625Message.class)));
            case "CEB626Message" -> new Content(code, MessageType.CUSTOMS_RECEIPT,
                    CebWithdrawals.fromCeb626(CebXml.read(xml, CEB626Message.class), zone));
            case "CEB711Message" -> new Content(code, MessageType.WAREHOUSE_IN_LIST,
                    CebWarehouseIn.fromCeb711(CebXml.read(xml, CEB711Message.class)));
            case "CEB712Message" -> new Content(code, MessageType.CUSTOMS_RECEIPT,
                    CebWarehouseIn.fromCeb712(CebXml.read(xml, CEB712Message.class), zone));
            case "CEB816Message" -> new Content(code, MessageType.TAX_BILL,
                    CebTaxes.fromCeb816(CebXml.read(xml, CEB816Message.class), zone));
            case "CEB818Message" -> new Content(code, MessageType.CUSTOMS_RECEIPT,
                    CebTaxes.fromCeb818(CebXml.read(xml, CEB818Message.class), zone));
            case "CEB900Message" -> new Content(code, MessageType.CUSTOMS_RECEIPT,
                    CebFormatErrors.fromCeb900(CebXml.read(xml, CEB900Message.class), zone));
            default -> throw new CustomsXmlException(root + " is not a customs message this hub reads (it reads "
                    + String.join(", ", READABLE) + ")");
        };
    }
}
