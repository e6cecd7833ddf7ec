package org.parkhub.customs;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.parkhub.customs.ceb.CEB816Message;
import org.parkhub.customs.ceb.CEB818Message;
import org.parkhub.customs.ceb.TaxHeadRd;
import org.parkhub.customs.ceb.TaxHeadStatus;
import org.parkhub.customs.ceb.TaxListRd;
import org.parkhub.model.CustomsReceipt;
import org.parkhub.model.TaxBill;
import org.parkhub.model.TaxLine;

/**
 * Customs' tax documents: the tax bill {@link TaxBill} to and from CEB816, and its later state changes
 * (CEB818: 1 generated, 2 summarised, 3 void) as a {@link CustomsReceipt} whose status is the bill's.
 */
public final class CebTaxes {

    private CebTaxes() {
    }

    public static CEB816Message toCeb816(List<TaxBill> bills, ZoneId zone) {
        CEB816Message message = new CEB816Message();
        message.setGuid(CebCodes.guid());
        message.setVersion("1.0");
        for (TaxBill bill : bills) {
            TaxHeadRd h = new TaxHeadRd();
            h.setGuid(bill.guid());
            h.setReturnTime(CebCodes.format(bill.returnTime(), CebCodes.TIME17, zone));
            h.setInvtNo(bill.invtNo());
            h.setTaxNo(bill.taxNo());
            h.setCustomsTax(bill.customsTax());
            h.setValueAddedTax(bill.valueAddedTax());
            h.setConsumptionTax(bill.consumptionTax());
            h.setStatus(bill.status());
            h.setEntDutyNo(bill.entDutyNo());
            h.setNote(bill.note());
            h.setAssureCode(bill.assureCode());
            h.setEbcCode(bill.ebcCode());
            h.setLogisticsCode(bill.logisticsCode());
            h.setAgentCode(bill.agentCode());
            h.setCustomsCode(bill.customsCode());
            CEB816Message.Tax node = new CEB816Message.Tax();
            node.setTaxHeadRd(h);
            for (TaxLine line : bill.lines()) {
                TaxListRd l = new TaxListRd();
                l.setGnum(line.gnum());
                l.setGcode(line.gcode());
                l.setTaxPrice(line.taxPrice());
                l.setCustomsTax(line.customsTax());
                l.setValueAddedTax(line.valueAddedTax());
                l.setConsumptionTax(line.consumptionTax());
                node.getTaxListRd().add(l);
            }
            message.getTax().add(node);
        }
        return message;
    }

    /** CEB816 names the declaration, not the order: the bills' {@code orderNo} is left empty. */
    public static List<TaxBill> fromCeb816(CEB816Message message, ZoneId zone) throws CustomsXmlException {
        List<TaxBill> bills = new ArrayList<>();
        for (CEB816Message.Tax node : message.getTax()) {
            TaxHeadRd h = node.getTaxHeadRd();
            List<TaxLine> lines = new ArrayList<>();
            for (TaxListRd l : node.getTaxListRd()) {
                lines.add(new TaxLine(l.getGnum(), l.getGcode(), l.getTaxPrice(), l.getCustomsTax(), l.getValueAddedTax(),
                        l.getConsumptionTax()));
            }
            bills.add(new TaxBill(h.getGuid(), CebCodes.parse(h.getReturnTime(), CebCodes.TIME17, zone, "returnTime"),
                    h.getInvtNo(), h.getTaxNo(), null, h.getCustomsCode(), h.getEbcCode(), h.getLogisticsCode(),
                    h.getAgentCode(), h.getAssureCode(), h.getEntDutyNo(), h.getCustomsTax(), h.getValueAddedTax(),
                    h.getConsumptionTax(), h.getStatus(), h.getNote(), lines));
        }
        return bills;
    }

    public static CEB818Message toCeb818(List<CustomsReceipt> statuses, ZoneId zone) {
        CEB818Message message = new CEB818Message();
        message.setGuid(CebCodes.guid());
        message.setVersion("1.0");
        for (CustomsReceipt status : statuses) {
            TaxHeadStatus h = new TaxHeadStatus();
            h.setGuid(status.guid());
            h.setReturnTime(CebCodes.format(status.returnTime(), CebCodes.TIME17, zone));
            h.setInvtNo(status.invtNo());
            h.setTaxNo(status.taxNo());
            h.setStatus(String.valueOf(status.returnStatus()));
            h.setEntDutyNo(status.entDutyNo());
            h.setAssureCode(status.assureCode());
            CEB818Message.Tax node = new CEB818Message.Tax();
            node.setTaxHeadStatus(h);
            message.getTax().add(node);
        }
        return message;
    }

    public static List<CustomsReceipt> fromCeb818(CEB818Message message, ZoneId zone) throws CustomsXmlException {
        List<CustomsReceipt> statuses = new ArrayList<>();
        for (CEB818Message.Tax node : message.getTax()) {
            TaxHeadStatus h = node.getTaxHeadStatus();
            statuses.add(CebCodes.returned(CustomsReceipt.of("CEB818", h.getGuid()).documents(null, null, h.getInvtNo())
                    .tax(h.getTaxNo(), h.getEntDutyNo(), h.getAssureCode()), h.getStatus(), h.getReturnTime(), null, zone));
        }
        return statuses;
    }
}
