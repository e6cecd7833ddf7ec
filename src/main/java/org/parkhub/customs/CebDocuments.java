package org.parkhub.customs;

import java.time.ZoneId;
import java.util.List;

import org.parkhub.customs.ceb.CEB311Message;
import org.parkhub.customs.ceb.CEB312Message;
import org.parkhub.customs.ceb.CEB411Message;
import org.parkhub.customs.ceb.CEB412Message;
import org.parkhub.customs.ceb.CEB511Message;
import org.parkhub.customs.ceb.CEB512Message;
import org.parkhub.model.MessageType;

/** A customs XML document as canonical payloads of one type, whichever CEB message it is (by its root element). */
public final class CebDocuments {

    /** The canonical type and payloads a customs document holds. */
    public record Content(String messageCode, MessageType type, List<? extends Record> payloads) {
    }

    private CebDocuments() {
    }

    public static Content read(String xml, ZoneId zone) throws CustomsXmlException {
        String root = CebXml.rootName(xml);
        return switch (root) {
            case "CEB311Message" -> new Content("CEB311", MessageType.ORDER,
                    CebOrders.fromCeb311(CebXml.read(xml, CEB311Message.class)));
            case "CEB312Message" -> new Content("CEB312", MessageType.CUSTOMS_RECEIPT,
                    CebOrders.fromCeb312(CebXml.read(xml, CEB312Message.class), zone));
            case "CEB411Message" -> new Content("CEB411", MessageType.PAYMENT,
                    CebPayments.fromCeb411(CebXml.read(xml, CEB411Message.class), zone));
            case "CEB412Message" -> new Content("CEB412", MessageType.CUSTOMS_RECEIPT,
                    CebPayments.fromCeb412(CebXml.read(xml, CEB412Message.class), zone));
            case "CEB511Message" -> new Content("CEB511", MessageType.WAYBILL,
                    CebWaybills.fromCeb511(CebXml.read(xml, CEB511Message.class)));
            case "CEB512Message" -> new Content("CEB512", MessageType.CUSTOMS_RECEIPT,
                    CebWaybills.fromCeb512(CebXml.read(xml, CEB512Message.class), zone));
            default -> throw new CustomsXmlException(root + " is not a customs message this hub reads yet"
                    + " (it reads CEB311, CEB312, CEB411, CEB412, CEB511 and CEB512)");
        };
    }
}
