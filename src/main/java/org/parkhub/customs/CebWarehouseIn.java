package org.parkhub.customs;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.parkhub.customs.ceb.CEB711Message;
import org.parkhub.customs.ceb.CEB712Message;
import org.parkhub.customs.ceb.DeliveryHead;
import org.parkhub.customs.ceb.DeliveryList;
import org.parkhub.customs.ceb.DeliveryReturn;
import org.parkhub.model.CustomsReceipt;
import org.parkhub.model.DocumentAction;
import org.parkhub.model.WarehouseInList;
import org.parkhub.model.WarehouseInParcel;

/**
 * Warehouse-in lists as customs exchanges them: a {@link WarehouseInList} to and from CEB711 (one list per
 * message), receipts with CEB712. A declared CEB711 must be signed: see {@link CebSigner}.
 */
public final class CebWarehouseIn {

    private CebWarehouseIn() {
    }

    /** New documents (appType 1). */
    public static CEB711Message toCeb711(WarehouseInList list, CebTransfer transfer, OffsetDateTime appTime, ZoneId zone) {
        return toCeb711(list, transfer, appTime, DocumentAction.NEW, zone);
    }

    /** {@code action} is what the documents do (appType 1 new, 2 modify, 3 delete). */
    public static CEB711Message toCeb711(WarehouseInList list, CebTransfer transfer, OffsetDateTime appTime, DocumentAction action,
            ZoneId zone) {
        DeliveryHead h = new DeliveryHead();
        h.setGuid(CebCodes.guid());
        h.setAppType(action.appType());
        h.setAppTime(CebCodes.format(appTime, CebCodes.TIME14, zone));
        h.setAppStatus("2");
        h.setCustomsCode(list.customsCode());
        h.setCopNo(list.copNo());
        h.setPreNo(list.preNo());
        h.setRkdNo(list.rkdNo());
        h.setOperatorCode(list.warehouseCode());
        h.setOperatorName(CebCodes.nameOr(list.warehouseName(), list.warehouseCode()));
        h.setIeFlag("I");
        h.setTrafMode(list.trafMode());
        h.setTrafNo(list.trafNo());
        h.setVoyageNo(list.voyageNo());
        h.setBillNo(list.billNo());
        h.setLogisticsCode(list.logisticsCode());
        h.setLogisticsName(CebCodes.nameOr(list.logisticsName(), list.logisticsCode()));
        h.setUnloadLocation(list.unloadLocation());
        h.setNote(list.note());
        CEB711Message.Delivery delivery = new CEB711Message.Delivery();
        delivery.setDeliveryHead(h);
        for (WarehouseInParcel parcel : list.parcels()) {
            DeliveryList l = new DeliveryList();
            l.setGnum(parcel.gnum());
            l.setLogisticsNo(parcel.logisticsNo());
            l.setNote(parcel.note());
            delivery.getDeliveryList().add(l);
        }
        CEB711Message message = new CEB711Message();
        message.setGuid(CebCodes.guid());
        message.setVersion("1.0");
        message.setDelivery(delivery);
        message.setBaseTransfer(CebCodes.baseTransfer(transfer));
        return message;
    }

    public static List<WarehouseInList> fromCeb711(CEB711Message message) {
        DeliveryHead h = message.getDelivery().getDeliveryHead();
        List<WarehouseInParcel> parcels = new ArrayList<>();
        for (DeliveryList l : message.getDelivery().getDeliveryList()) {
            parcels.add(new WarehouseInParcel(l.getGnum(), l.getLogisticsNo(), l.getNote()));
        }
        return List.of(new WarehouseInList(h.getCustomsCode(), h.getCopNo(), h.getPreNo(), h.getRkdNo(),
                h.getOperatorCode(), h.getOperatorName(), h.getTrafMode(), h.getTrafNo(), h.getVoyageNo(), h.getBillNo(),
                h.getLogisticsCode(), h.getLogisticsName(), h.getUnloadLocation(), h.getNote(), parcels));
    }

    public static CEB712Message toCeb712(List<CustomsReceipt> receipts, ZoneId zone) {
        CEB712Message message = new CEB712Message();
        message.setGuid(CebCodes.guid());
        message.setVersion("1.0");
        for (CustomsReceipt receipt : receipts) {
            DeliveryReturn node = new DeliveryReturn();
            node.setGuid(receipt.guid());
            node.setCustomsCode(receipt.customsCode());
            node.setOperatorCode(receipt.warehouseCode());
            node.setCopNo(receipt.copNo());
            node.setPreNo(receipt.preNo());
            node.setRkdNo(receipt.rkdNo());
            node.setReturnStatus(String.valueOf(receipt.returnStatus()));
            node.setReturnTime(CebCodes.format(receipt.returnTime(), CebCodes.TIME17, zone));
            node.setReturnInfo(receipt.returnInfo());
            message.getDeliveryReturn().add(node);
        }
        return message;
    }

    public static List<CustomsReceipt> fromCeb712(CEB712Message message, ZoneId zone) throws CustomsXmlException {
        List<CustomsReceipt> receipts = new ArrayList<>();
        for (DeliveryReturn r : message.getDeliveryReturn()) {
            receipts.add(CebCodes.returned(CustomsReceipt.of("CEB712", r.getGuid()).customsCode(r.getCustomsCode())
                            .warehouseCode(r.getOperatorCode()).documents(r.getCopNo(), r.getPreNo(), null).rkdNo(r.getRkdNo()),
                    r.getReturnStatus(), r.getReturnTime(), r.getReturnInfo(), zone));
        }
        return receipts;
    }
}
