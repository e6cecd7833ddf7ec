package org.parkhub.customs;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.parkhub.customs.ceb.CEB513Message;
import org.parkhub.customs.ceb.CEB514Message;
import org.parkhub.customs.ceb.LogisticsStatus;
import org.parkhub.customs.ceb.LogisticsStatusReturn;
import org.parkhub.model.CustomsReceipt;
import org.parkhub.model.DocumentAction;
import org.parkhub.model.ShipmentEvent;
import org.parkhub.model.ShipmentStatus;

/**
 * The customs sign-for: a {@link ShipmentEvent} with status SIGNED to and from CEB513 (customs knows no
 * other tracking status), and its receipt CEB514.
 */
public final class CebShipments {

    /** The only {@code logisticsStatus} customs takes: signed for by the consignee. */
    private static final String SIGNED = "S";

    private CebShipments() {
    }

    /** New documents (appType 1). */
    public static CEB513Message toCeb513(List<ShipmentEvent> events, CebTransfer transfer, OffsetDateTime appTime, ZoneId zone) {
        return toCeb513(events, transfer, appTime, DocumentAction.NEW, zone);
    }

    /** {@code action} is what the documents do (appType 1 new, 2 modify, 3 delete). */
    public static CEB513Message toCeb513(List<ShipmentEvent> events, CebTransfer transfer, OffsetDateTime appTime, DocumentAction action,
            ZoneId zone) {
        CEB513Message message = new CEB513Message();
        message.setGuid(CebCodes.guid());
        message.setVersion("1.0");
        for (ShipmentEvent event : events) {
            if (event.status() != ShipmentStatus.SIGNED) {
                throw new IllegalArgumentException("customs takes only sign-for events (CEB513), not " + event.status());
            }
            LogisticsStatus node = new LogisticsStatus();
            node.setGuid(CebCodes.guid());
            node.setAppType(action.appType());
            node.setAppTime(CebCodes.format(appTime, CebCodes.TIME14, zone));
            node.setAppStatus("2");
            node.setLogisticsCode(event.logisticsCode());
            node.setLogisticsName(event.logisticsCode());
            node.setLogisticsNo(event.logisticsNo());
            node.setLogisticsStatus(SIGNED);
            node.setLogisticsTime(CebCodes.format(event.occurredAt(), CebCodes.TIME14, zone));
            node.setNote(event.note());
            message.getLogisticsStatus().add(node);
        }
        message.setBaseTransfer(CebCodes.baseTransfer(transfer));
        return message;
    }

    public static List<ShipmentEvent> fromCeb513(CEB513Message message, ZoneId zone) throws CustomsXmlException {
        List<ShipmentEvent> events = new ArrayList<>();
        for (LogisticsStatus node : message.getLogisticsStatus()) {
            if (!SIGNED.equals(node.getLogisticsStatus())) {
                throw new CustomsXmlException("logisticsStatus '" + node.getLogisticsStatus() + "' of waybill "
                        + node.getLogisticsNo() + " is not S (signed for), the only CEB513 status");
            }
            events.add(new ShipmentEvent(node.getLogisticsCode(), node.getLogisticsNo(), null, ShipmentStatus.SIGNED,
                    null, CebCodes.parse(node.getLogisticsTime(), CebCodes.TIME14, zone, "logisticsTime"), node.getNote()));
        }
        return events;
    }

    public static CEB514Message toCeb514(List<CustomsReceipt> receipts, ZoneId zone) {
        CEB514Message message = new CEB514Message();
        message.setGuid(CebCodes.guid());
        message.setVersion("1.0");
        for (CustomsReceipt receipt : receipts) {
            LogisticsStatusReturn node = new LogisticsStatusReturn();
            node.setGuid(receipt.guid());
            node.setLogisticsCode(receipt.logisticsCode());
            node.setLogisticsNo(receipt.logisticsNo());
            node.setLogisticsStatus(SIGNED);
            node.setReturnStatus(String.valueOf(receipt.returnStatus()));
            node.setReturnTime(CebCodes.format(receipt.returnTime(), CebCodes.TIME17, zone));
            node.setReturnInfo(receipt.returnInfo());
            message.getLogisticsStatusReturn().add(node);
        }
        return message;
    }

    public static List<CustomsReceipt> fromCeb514(CEB514Message message, ZoneId zone) throws CustomsXmlException {
        List<CustomsReceipt> receipts = new ArrayList<>();
        for (LogisticsStatusReturn r : message.getLogisticsStatusReturn()) {
            receipts.add(CebCodes.returned(CustomsReceipt.of("CEB514", r.getGuid()).waybill(r.getLogisticsCode(), r.getLogisticsNo()),
                    r.getReturnStatus(), r.getReturnTime(), r.getReturnInfo(), zone));
        }
        return receipts;
    }
}
