package org.parkhub.customs;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.parkhub.customs.ceb.CEB623Message;
import org.parkhub.customs.ceb.CEB624Message;
import org.parkhub.customs.ceb.CEB625Message;
import org.parkhub.customs.ceb.CEB626Message;
import org.parkhub.customs.ceb.InvtRefundList;
import org.parkhub.customs.ceb.WithdrawalHead;
import org.parkhub.customs.ceb.WithdrawalReturn;
import org.parkhub.model.CustomsReceipt;
import org.parkhub.model.DocumentAction;
import org.parkhub.model.InventoryCancellation;
import org.parkhub.model.InventoryRefund;
import org.parkhub.model.Person;
import org.parkhub.model.RefundLine;
import org.parkhub.model.Withdrawal;

/**
 * Requests about released declarations as customs exchanges them: {@link InventoryCancellation} with
 * CEB623/624 and {@link InventoryRefund} with CEB625/626. Both messages must be signed: see {@link CebSigner}.
 */
public final class CebWithdrawals {

    private CebWithdrawals() {
    }

    /** New documents (appType 1). */
    public static CEB623Message toCeb623(List<InventoryCancellation> cancellations, CebTransfer transfer, OffsetDateTime appTime, ZoneId zone) {
        return toCeb623(cancellations, transfer, appTime, DocumentAction.NEW, zone);
    }

    /** {@code action} is what the documents do (appType 1 new, 2 modify, 3 delete). */
    public static CEB623Message toCeb623(List<InventoryCancellation> cancellations, CebTransfer transfer, OffsetDateTime appTime, DocumentAction action,
            ZoneId zone) {
        CEB623Message message = new CEB623Message();
        message.setGuid(CebCodes.guid());
        message.setVersion("1.0");
        for (InventoryCancellation cancellation : cancellations) {
            message.getInvtCancel().add(head(cancellation, CebCodes.format(appTime, CebCodes.TIME14, zone), action));
        }
        message.setBaseTransfer(CebCodes.baseTransfer(transfer));
        return message;
    }

    public static List<InventoryCancellation> fromCeb623(CEB623Message message) {
        List<InventoryCancellation> cancellations = new ArrayList<>();
        for (WithdrawalHead h : message.getInvtCancel()) {
            cancellations.add(new InventoryCancellation(h.getCustomsCode(), h.getOrderNo(), h.getEbpCode(), h.getEbpName(),
                    h.getEbcCode(), h.getEbcName(), h.getLogisticsNo(), h.getLogisticsCode(), h.getLogisticsName(),
                    h.getCopNo(), h.getPreNo(), h.getInvtNo(), buyer(h), h.getAgentCode(), h.getAgentName(),
                    h.getReason(), h.getNote()));
        }
        return cancellations;
    }

    /** New documents (appType 1). */
    public static CEB625Message toCeb625(List<InventoryRefund> refunds, CebTransfer transfer, OffsetDateTime appTime, ZoneId zone) {
        return toCeb625(refunds, transfer, appTime, DocumentAction.NEW, zone);
    }

    /** {@code action} is what the documents do (appType 1 new, 2 modify, 3 delete). */
    public static CEB625Message toCeb625(List<InventoryRefund> refunds, CebTransfer transfer, OffsetDateTime appTime, DocumentAction action,
            ZoneId zone) {
        CEB625Message message = new CEB625Message();
        message.setGuid(CebCodes.guid());
        message.setVersion("1.0");
        for (InventoryRefund refund : refunds) {
            CEB625Message.InvtRefund node = new CEB625Message.InvtRefund();
            node.setInvtRefundHead(head(refund, CebCodes.format(appTime, CebCodes.TIME14, zone), action));
            for (RefundLine line : refund.lines()) {
                InvtRefundList l = new InvtRefundList();
                l.setGnum(line.gnum());
                l.setGcode(line.gcode());
                l.setGname(line.gname());
                l.setQty(line.qty());
                l.setUnit(line.unit());
                l.setNote(line.note());
                node.getInvtRefundList().add(l);
            }
            message.getInvtRefund().add(node);
        }
        message.setBaseTransfer(CebCodes.baseTransfer(transfer));
        return message;
    }

    public static List<InventoryRefund> fromCeb625(CEB625Message message) {
        List<InventoryRefund> refunds = new ArrayList<>();
        for (CEB625Message.InvtRefund node : message.getInvtRefund()) {
            WithdrawalHead h = node.getInvtRefundHead();
            List<RefundLine> lines = new ArrayList<>();
            for (InvtRefundList l : node.getInvtRefundList()) {
                lines.add(new RefundLine(l.getGnum(), l.getGcode(), l.getGname(), l.getQty(), l.getUnit(), l.getNote()));
            }
            refunds.add(new InventoryRefund(h.getCustomsCode(), h.getOrderNo(), h.getEbpCode(), h.getEbpName(),
                    h.getEbcCode(), h.getEbcName(), h.getLogisticsNo(), h.getLogisticsCode(), h.getLogisticsName(),
                    h.getCopNo(), h.getPreNo(), h.getInvtNo(), buyer(h), h.getAgentCode(), h.getAgentName(),
                    h.getReason(), h.getNote(), lines));
        }
        return refunds;
    }

    public static CEB624Message toCeb624(List<CustomsReceipt> receipts, ZoneId zone) {
        CEB624Message message = new CEB624Message();
        message.setGuid(CebCodes.guid());
        message.setVersion("1.0");
        receipts.forEach(r -> message.getInvtCancelReturn().add(returnNode(r, zone)));
        return message;
    }

    public static List<CustomsReceipt> fromCeb624(CEB624Message message, ZoneId zone) throws CustomsXmlException {
        return receipts("CEB624", message.getInvtCancelReturn(), zone);
    }

    public static CEB626Message toCeb626(List<CustomsReceipt> receipts, ZoneId zone) {
        CEB626Message message = new CEB626Message();
        message.setGuid(CebCodes.guid());
        message.setVersion("1.0");
        receipts.forEach(r -> message.getInvtRefundReturn().add(returnNode(r, zone)));
        return message;
    }

    public static List<CustomsReceipt> fromCeb626(CEB626Message message, ZoneId zone) throws CustomsXmlException {
        return receipts("CEB626", message.getInvtRefundReturn(), zone);
    }

    private static WithdrawalHead head(Withdrawal w, String appTime, DocumentAction action) {
        WithdrawalHead h = new WithdrawalHead();
        h.setGuid(CebCodes.guid());
        h.setAppType(action.appType());
        h.setAppTime(appTime);
        h.setAppStatus("2");
        h.setCustomsCode(w.customsCode());
        h.setOrderNo(w.orderNo());
        h.setEbpCode(w.ebpCode());
        h.setEbpName(CebCodes.nameOr(w.ebpName(), w.ebpCode()));
        h.setEbcCode(w.ebcCode());
        h.setEbcName(CebCodes.nameOr(w.ebcName(), w.ebcCode()));
        h.setLogisticsNo(w.logisticsNo());
        h.setLogisticsCode(w.logisticsCode());
        h.setLogisticsName(CebCodes.nameOr(w.logisticsName(), w.logisticsCode()));
        h.setCopNo(w.copNo());
        h.setPreNo(w.preNo());
        h.setInvtNo(w.invtNo());
        h.setBuyerIdType(w.buyer().idType());
        h.setBuyerIdNumber(w.buyer().idNumber());
        h.setBuyerName(w.buyer().name());
        h.setBuyerTelephone(w.buyer().phone());
        h.setAgentCode(w.agentCode());
        h.setAgentName(CebCodes.nameOr(w.agentName(), w.agentCode()));
        h.setReason(w.reason());
        h.setNote(w.note());
        return h;
    }

    private static Person buyer(WithdrawalHead h) {
        return new Person(null, h.getBuyerName(), h.getBuyerIdType(), h.getBuyerIdNumber(), h.getBuyerTelephone());
    }

    private static WithdrawalReturn returnNode(CustomsReceipt receipt, ZoneId zone) {
        WithdrawalReturn node = new WithdrawalReturn();
        node.setGuid(receipt.guid());
        node.setCustomsCode(receipt.customsCode());
        node.setAgentCode(receipt.agentCode());
        node.setEbpCode(receipt.ebpCode());
        node.setEbcCode(receipt.ebcCode());
        node.setCopNo(receipt.copNo());
        node.setPreNo(receipt.preNo());
        node.setInvtNo(receipt.invtNo());
        node.setReturnStatus(String.valueOf(receipt.returnStatus()));
        node.setReturnTime(CebCodes.format(receipt.returnTime(), CebCodes.TIME17, zone));
        node.setReturnInfo(receipt.returnInfo());
        return node;
    }

    private static List<CustomsReceipt> receipts(String messageCode, List<WithdrawalReturn> nodes, ZoneId zone)
            throws CustomsXmlException {
        List<CustomsReceipt> receipts = new ArrayList<>();
        for (WithdrawalReturn r : nodes) {
            receipts.add(CebCodes.returned(CustomsReceipt.of(messageCode, r.getGuid()).customsCode(r.getCustomsCode())
                            .order(r.getEbpCode(), r.getEbcCode(), null).agentCode(r.getAgentCode())
                            .documents(r.getCopNo(), r.getPreNo(), r.getInvtNo()),
                    r.getReturnStatus(), r.getReturnTime(), r.getReturnInfo(), zone));
        }
        return receipts;
    }
}
