package org.parkhub.customs;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.parkhub.customs.ceb.CEB511Message;
import org.parkhub.customs.ceb.CEB512Message;
import org.parkhub.customs.ceb.LogisticsHead;
import org.parkhub.customs.ceb.LogisticsReturn;
import org.parkhub.model.CodeList;
import org.parkhub.model.Consignee;
import org.parkhub.model.CustomsReceipt;
import org.parkhub.model.DocumentAction;
import org.parkhub.model.Waybill;

/** Waybills as customs exchanges them: canonical {@link Waybill}s to and from CEB511, receipts with CEB512. */
public final class CebWaybills {

    private CebWaybills() {
    }

    /** New documents (appType 1). */
    public static CEB511Message toCeb511(List<Waybill> waybills, CebTransfer transfer, OffsetDateTime appTime, ZoneId zone) {
        return toCeb511(waybills, transfer, appTime, DocumentAction.NEW, zone);
    }

    /** {@code action} is what the documents do (appType 1 new, 2 modify, 3 delete). */
    public static CEB511Message toCeb511(List<Waybill> waybills, CebTransfer transfer, OffsetDateTime appTime, DocumentAction action,
            ZoneId zone) {
        CEB511Message message = new CEB511Message();
        message.setGuid(CebCodes.guid());
        message.setVersion("1.0");
        for (Waybill waybill : waybills) {
            LogisticsHead h = new LogisticsHead();
            h.setGuid(CebCodes.guid());
            h.setAppType(action.appType());
            h.setAppTime(CebCodes.format(appTime, CebCodes.TIME14, zone));
            h.setAppStatus("2");
            h.setLogisticsCode(waybill.logisticsCode());
            h.setLogisticsName(waybill.logisticsName() == null ? waybill.logisticsCode() : waybill.logisticsName());
            h.setLogisticsNo(waybill.logisticsNo());
            h.setBillNo(waybill.billNo());
            h.setOrderNo(waybill.orderNo());
            h.setFreight(waybill.freight());
            h.setInsuredFee(waybill.insuredFee());
            h.setCurrency(CebCodes.customs(CodeList.CURRENCY, waybill.currency()));
            h.setWeight(waybill.weight());
            h.setPackNo(waybill.packNo());
            h.setGoodsInfo(waybill.goodsInfo());
            h.setConsignee(waybill.consignee().name());
            h.setConsigneeAddress(waybill.consignee().address());
            h.setConsigneeTelephone(waybill.consignee().phone());
            h.setNote(waybill.note());
            CEB511Message.Logistics node = new CEB511Message.Logistics();
            node.setLogisticsHead(h);
            message.getLogistics().add(node);
        }
        message.setBaseTransfer(CebCodes.baseTransfer(transfer));
        return message;
    }

    public static List<Waybill> fromCeb511(CEB511Message message) {
        List<Waybill> waybills = new ArrayList<>();
        for (CEB511Message.Logistics node : message.getLogistics()) {
            LogisticsHead h = node.getLogisticsHead();
            waybills.add(new Waybill(h.getLogisticsCode(), h.getLogisticsName(), h.getLogisticsNo(), h.getBillNo(),
                    h.getOrderNo(), h.getFreight(), h.getInsuredFee(),
                    CebCodes.canonical(CodeList.CURRENCY, h.getCurrency()), h.getWeight(), h.getPackNo(),
                    h.getGoodsInfo(), new Consignee(h.getConsignee(), h.getConsigneeTelephone(), h.getConsigneeAddress(), null),
                    h.getNote()));
        }
        return waybills;
    }

    public static CEB512Message toCeb512(List<CustomsReceipt> receipts, ZoneId zone) {
        CEB512Message message = new CEB512Message();
        message.setGuid(CebCodes.guid());
        message.setVersion("1.0");
        for (CustomsReceipt receipt : receipts) {
            LogisticsReturn node = new LogisticsReturn();
            node.setGuid(receipt.guid());
            node.setLogisticsCode(receipt.logisticsCode());
            node.setLogisticsNo(receipt.logisticsNo());
            node.setReturnStatus(String.valueOf(receipt.returnStatus()));
            node.setReturnTime(CebCodes.format(receipt.returnTime(), CebCodes.TIME17, zone));
            node.setReturnInfo(receipt.returnInfo());
            message.getLogisticsReturn().add(node);
        }
        return message;
    }

    public static List<CustomsReceipt> fromCeb512(CEB512Message message, ZoneId zone) throws CustomsXmlException {
        List<CustomsReceipt> receipts = new ArrayList<>();
        for (LogisticsReturn r : message.getLogisticsReturn()) {
            receipts.add(CustomsReceipt.of("CEB512", r.getGuid()).waybill(r.getLogisticsCode(), r.getLogisticsNo())
                    .status(CebCodes.status(r.getReturnStatus(), "returnStatus"),
                            CebCodes.parse(r.getReturnTime(), CebCodes.TIME17, zone, "returnTime"), r.getReturnInfo()));
        }
        return receipts;
    }
}
