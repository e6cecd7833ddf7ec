package org.parkhub.customs;

import java.time.ZoneId;
import java.util.List;

import org.parkhub.customs.ceb.CEB311Message;
import org.parkhub.customs.ceb.CEB312Message;
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
            default -> throw new CustomsXmlException(root + " is not a customs message this hub reads yet"
                    + " (it reads CEB311Message and CEB312Message)");
        };
    }
}
