package org.parkhub.customs;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.parkhub.customs.ceb.CEB621Message;
import org.parkhub.customs.ceb.CEB622Message;
import org.parkhub.customs.ceb.InventoryHead;
import org.parkhub.customs.ceb.InventoryList;
import org.parkhub.customs.ceb.InventoryReturn;
import org.parkhub.model.CodeList;
import org.parkhub.model.CustomsReceipt;
import org.parkhub.model.DocumentAction;
import org.parkhub.model.InventoryDeclaration;
import org.parkhub.model.InventoryLine;
import org.parkhub.model.Person;
import org.parkhub.model.TradeMode;

/**
 * Inventory declarations as customs exchanges them: canonical {@link InventoryDeclaration}s to and from
 * CEB621, receipts with CEB622. A declared CEB621 must be signed: see {@link CebSigner}.
 */
public final class CebInventories {

    private CebInventories() {
    }

    /** New documents (appType 1). */
    public static CEB621Message toCeb621(List<InventoryDeclaration> declarations, CebTransfer transfer, OffsetDateTime appTime, ZoneId zone) {
        return toCeb621(declarations, transfer, appTime, DocumentAction.NEW, zone);
    }

    /** {@code action} is what the documents do (appType 1 new, 2 modify, 3 delete). */
    public static CEB621Message toCeb621(List<InventoryDeclaration> declarations, CebTransfer transfer, OffsetDateTime appTime, DocumentAction action,
            ZoneId zone) {
        CEB621Message message = new CEB621Message();
        message.setGuid(CebCodes.guid());
        message.setVersion("1.0");
        for (InventoryDeclaration declaration : declarations) {
            CEB621Message.Inventory node = new CEB621Message.Inventory();
            node.setInventoryHead(head(declaration, CebCodes.format(appTime, CebCodes.TIME14, zone), action));
            for (InventoryLine line : declaration.lines()) {
                node.getInventoryList().add(line(line));
            }
            message.getInventory().add(node);
        }
        message.setBaseTransfer(CebCodes.baseTransfer(transfer));
        return message;
    }

    public static List<InventoryDeclaration> fromCeb621(CEB621Message message) throws CustomsXmlException {
        List<InventoryDeclaration> declarations = new ArrayList<>();
        for (CEB621Message.Inventory node : message.getInventory()) {
            InventoryHead h = node.getInventoryHead();
            List<InventoryLine> lines = new ArrayList<>();
            for (InventoryList l : node.getInventoryList()) {
                lines.add(new InventoryLine(l.getGnum(), l.getItemRecordNo(), l.getItemNo(), l.getItemName(), l.getGcode(),
                        l.getGname(), l.getGmodel(), l.getBarCode(),
                        CebCodes.canonical(CodeList.COUNTRY, l.getCountry()),
                        l.getTradeCountry() == null ? null : CebCodes.canonical(CodeList.COUNTRY, l.getTradeCountry()),
                        CebCodes.canonical(CodeList.CURRENCY, l.getCurrency()), l.getQty(), l.getUnit(),
                        l.getQty1(), l.getUnit1(), l.getQty2(), l.getUnit2(), l.getPrice(), l.getTotalPrice(), l.getNote()));
            }
            declarations.add(new InventoryDeclaration(h.getOrderNo(), h.getEbpCode(), h.getEbpName(), h.getEbcCode(),
                    h.getEbcName(), h.getLogisticsNo(), h.getLogisticsCode(), h.getLogisticsName(), h.getCopNo(),
                    h.getPreNo(), h.getInvtNo(), h.getAssureCode(), h.getEmsNo(), CebCodes.day(h.getDeclTime(), "declTime"),
                    h.getCustomsCode(), h.getPortCode(), CebCodes.day(h.getIeDate(), "ieDate"),
                    new Person(null, h.getBuyerName(), h.getBuyerIdType(), h.getBuyerIdNumber(), h.getBuyerTelephone()),
                    h.getConsigneeAddress(), h.getAgentCode(), h.getAgentName(), h.getAreaCode(), h.getAreaName(),
                    tradeMode(h.getTradeMode()), h.getTrafMode(), h.getTrafNo(), h.getVoyageNo(), h.getBillNo(),
                    h.getLoctNo(), h.getLicenseNo(), CebCodes.canonical(CodeList.COUNTRY, h.getCountry()),
                    h.getFreight(), h.getInsuredFee(), CebCodes.canonical(CodeList.CURRENCY, h.getCurrency()),
                    h.getWrapType(), h.getPackNo(), h.getGrossWeight(), h.getNetWeight(), h.getNote(), lines,
                    // appStatus 1: saved, not declared: a draft
                    "1".equals(h.getAppStatus())));
        }
        return declarations;
    }

    public static CEB622Message toCeb622(List<CustomsReceipt> receipts, ZoneId zone) {
        CEB622Message message = new CEB622Message();
        message.setGuid(CebCodes.guid());
        message.setVersion("1.0");
        for (CustomsReceipt receipt : receipts) {
            InventoryReturn node = new InventoryReturn();
            node.setGuid(receipt.guid());
            node.setCustomsCode(receipt.customsCode());
            node.setEbpCode(receipt.ebpCode());
            node.setEbcCode(receipt.ebcCode());
            node.setAgentCode(receipt.agentCode());
            node.setCopNo(receipt.copNo());
            node.setPreNo(receipt.preNo());
            node.setInvtNo(receipt.invtNo());
            node.setReturnStatus(String.valueOf(receipt.returnStatus()));
            node.setReturnTime(CebCodes.format(receipt.returnTime(), CebCodes.TIME17, zone));
            node.setReturnInfo(receipt.returnInfo());
            message.getInventoryReturn().add(node);
        }
        return message;
    }

    public static List<CustomsReceipt> fromCeb622(CEB622Message message, ZoneId zone) throws CustomsXmlException {
        List<CustomsReceipt> receipts = new ArrayList<>();
        for (InventoryReturn r : message.getInventoryReturn()) {
            receipts.add(CebCodes.returned(CustomsReceipt.of("CEB622", r.getGuid()).customsCode(r.getCustomsCode())
                            .order(r.getEbpCode(), r.getEbcCode(), null).agentCode(r.getAgentCode())
                            .documents(r.getCopNo(), r.getPreNo(), r.getInvtNo()),
                    r.getReturnStatus(), r.getReturnTime(), r.getReturnInfo(), zone));
        }
        return receipts;
    }

    static TradeMode tradeMode(String customsCode) throws CustomsXmlException {
        return Arrays.stream(TradeMode.values()).filter(m -> m.customsCode().equals(customsCode)).findFirst()
                .orElseThrow(() -> new CustomsXmlException("tradeMode '" + customsCode + "' is neither 1210 (bonded) nor 9610 (direct purchase)"));
    }

    private static InventoryHead head(InventoryDeclaration d, String appTime, DocumentAction action) {
        InventoryHead h = new InventoryHead();
        h.setGuid(CebCodes.guid());
        h.setAppType(action.appType());
        h.setAppTime(appTime);
        h.setAppStatus(d.isDraft() ? "1" : "2");
        h.setOrderNo(d.orderNo());
        h.setEbpCode(d.ebpCode());
        h.setEbpName(CebCodes.nameOr(d.ebpName(), d.ebpCode()));
        h.setEbcCode(d.ebcCode());
        h.setEbcName(CebCodes.nameOr(d.ebcName(), d.ebcCode()));
        h.setLogisticsNo(d.logisticsNo());
        h.setLogisticsCode(d.logisticsCode());
        h.setLogisticsName(CebCodes.nameOr(d.logisticsName(), d.logisticsCode()));
        h.setCopNo(d.copNo());
        h.setPreNo(d.preNo());
        h.setAssureCode(d.assureCode());
        h.setEmsNo(d.emsNo());
        h.setInvtNo(d.invtNo());
        h.setIeFlag("I");
        h.setDeclTime(CebCodes.day(d.declTime()));
        h.setCustomsCode(d.customsCode());
        h.setPortCode(d.portCode());
        h.setIeDate(CebCodes.day(d.ieDate()));
        h.setBuyerIdType(d.buyer().idType());
        h.setBuyerIdNumber(d.buyer().idNumber());
        h.setBuyerName(d.buyer().name());
        h.setBuyerTelephone(d.buyer().phone());
        h.setConsigneeAddress(d.consigneeAddress());
        h.setAgentCode(d.agentCode());
        h.setAgentName(CebCodes.nameOr(d.agentName(), d.agentCode()));
        h.setAreaCode(d.areaCode());
        h.setAreaName(d.areaCode() == null ? null : CebCodes.nameOr(d.areaName(), d.areaCode()));
        h.setTradeMode(d.tradeMode().customsCode());
        h.setTrafMode(d.trafMode());
        h.setTrafNo(d.trafNo());
        h.setVoyageNo(d.voyageNo());
        h.setBillNo(d.billNo());
        h.setLoctNo(d.loctNo());
        h.setLicenseNo(d.licenseNo());
        h.setCountry(CebCodes.customs(CodeList.COUNTRY, d.country()));
        h.setFreight(d.freight());
        h.setInsuredFee(d.insuredFee());
        h.setCurrency(CebCodes.customs(CodeList.CURRENCY, d.currency()));
        h.setWrapType(d.wrapType());
        h.setPackNo(d.packNo());
        h.setGrossWeight(d.grossWeight());
        h.setNetWeight(d.netWeight());
        h.setNote(d.note());
        return h;
    }

    private static InventoryList line(InventoryLine line) {
        InventoryList l = new InventoryList();
        l.setGnum(line.gnum());
        l.setItemRecordNo(line.itemRecordNo());
        l.setItemNo(line.sku());
        l.setItemName(line.itemName());
        l.setGcode(line.gcode());
        l.setGname(line.gname());
        l.setGmodel(line.gmodel());
        l.setBarCode(line.barcode());
        l.setCountry(CebCodes.customs(CodeList.COUNTRY, line.country()));
        l.setTradeCountry(line.tradeCountry() == null ? null : CebCodes.customs(CodeList.COUNTRY, line.tradeCountry()));
        l.setCurrency(CebCodes.customs(CodeList.CURRENCY, line.currency()));
        l.setQty(line.qty());
        l.setUnit(line.unit());
        l.setQty1(line.qty1());
        l.setUnit1(line.unit1());
        l.setQty2(line.qty2());
        l.setUnit2(line.unit2());
        l.setPrice(line.price());
        l.setTotalPrice(line.totalPrice());
        l.setNote(line.note());
        return l;
    }
}
