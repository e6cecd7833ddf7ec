package org.parkhub.customs;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import org.parkhub.customs.ceb.CEB900Message;
import org.parkhub.customs.ceb.MessageReturn;
import org.parkhub.model.CustomsReceipt;

/**
 * CEB900, the e-port's answer to a message it cannot take: read into a {@link CustomsReceipt}, and written,
 * both to pass customs' answers on and for the hub's own answer to customs XML it cannot read.
 */
public final class CebFormatErrors {

    /** The status of a message that is not well-formed or not a customs message (DXP format codes 0001-0999). */
    public static final int FORMAT_ERROR = -1;
    /** What a CEB900 calls a message whose type could not be told. */
    public static final String UNKNOWN_TYPE = "Unknown";

    private CebFormatErrors() {
    }

    /**
     * The hub's answer to a document it could not take. It names the original (type and the sender's id for
     * it, such as the file name) rather than quoting it: the sender has it, and it may be large or unreadable.
     */
    public static CEB900Message answer(String originalMessageType, String originalMessageId, String reason,
            OffsetDateTime now, ZoneId zone) {
        return toCeb900(CustomsReceipt.of("CEB900", CebCodes.guid()).original(originalMessageId, originalMessageType)
                .status(FORMAT_ERROR, now, reason), zone);
    }

    /** The root element's name when the document is a customs message ({@code CEB311Message}), else {@code Unknown}. */
    public static String messageTypeOf(String document) {
        if (document == null) {
            return UNKNOWN_TYPE;
        }
        try {
            String root = CebXml.rootName(document);
            return root.matches("CEB[0-9]{3}Message") ? root : UNKNOWN_TYPE;
        } catch (CustomsXmlException e) {
            return UNKNOWN_TYPE;
        }
    }

    public static CEB900Message toCeb900(CustomsReceipt receipt, ZoneId zone) {
        MessageReturn node = new MessageReturn();
        node.setGuid(receipt.guid());
        node.setReturnStatus(String.valueOf(receipt.returnStatus()));
        node.setReturnInfo(receipt.returnInfo());
        node.setReturnTime(CebCodes.format(receipt.returnTime(), CebCodes.TIME17, zone));
        node.setOriCopMsgId(receipt.originalMessageId() == null ? "" : receipt.originalMessageId());
        node.setOriMessageType(receipt.originalMessageType() == null ? UNKNOWN_TYPE : receipt.originalMessageType());
        // the canonical receipt names the original message; its text stays with its sender
        node.setOriBizMessage("");
        CEB900Message message = new CEB900Message();
        message.setGuid(CebCodes.guid());
        message.setVersion("1.0");
        message.setMessageReturn(node);
        return message;
    }

    /** The original message a CEB900 quotes is the sender's own: the receipt keeps which one it was, not its text. */
    public static List<CustomsReceipt> fromCeb900(CEB900Message message, ZoneId zone) throws CustomsXmlException {
        MessageReturn r = message.getMessageReturn();
        if (r == null) {
            throw new CustomsXmlException("CEB900Message has no MessageReturn");
        }
        return List.of(CebCodes.returned(CustomsReceipt.of("CEB900", r.getGuid())
                .original(r.getOriCopMsgId(), r.getOriMessageType()), r.getReturnStatus(), r.getReturnTime(), r.getReturnInfo(), zone));
    }
}
