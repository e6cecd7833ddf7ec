package org.parkhub.customs;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.parkhub.customs.ceb.CEB311Message;
import org.parkhub.customs.ceb.CEB312Message;
import org.parkhub.customs.ceb.OrderHead;
import org.parkhub.customs.ceb.OrderList;
import org.parkhub.customs.ceb.OrderReturn;
import org.parkhub.model.CodeList;
import org.parkhub.model.Consignee;
import org.parkhub.model.CustomsReceipt;
import org.parkhub.model.DocumentAction;
import org.parkhub.model.Order;
import org.parkhub.model.OrderLine;
import org.parkhub.model.Person;

/**
 * Orders as customs exchanges them: canonical {@link Order}s to and from CEB311, and order receipts
 * ({@link CustomsReceipt}) to and from CEB312. Canonical ISO codes become customs codes (CNY → 142,
 * KOR → 133) and back; names the canonical order lacks are filled with the codes they name.
 */
public final class CebOrders {

    private CebOrders() {
    }

    /** New documents (appType 1). */
    public static CEB311Message toCeb311(List<Order> orders, CebTransfer transfer, OffsetDateTime appTime, ZoneId zone) {
        return toCeb311(orders, transfer, appTime, DocumentAction.NEW, zone);
    }

    /** {@code action} is what the documents do (appType 1 new, 2 modify, 3 delete). */
    public static CEB311Message toCeb311(List<Order> orders, CebTransfer transfer, OffsetDateTime appTime, DocumentAction action,
            ZoneId zone) {
        CEB311Message message = new CEB311Message();
        message.setGuid(CebCodes.guid());
        message.setVersion("1.0");
        for (Order order : orders) {
            CEB311Message.Order node = new CEB311Message.Order();
            node.setOrderHead(head(order, CebCodes.format(appTime, CebCodes.TIME14, zone), action));
            for (OrderLine line : order.lines()) {
                node.getOrderList().add(line(line, order.currency()));
            }
            message.getOrder().add(node);
        }
        message.setBaseTransfer(CebCodes.baseTransfer(transfer));
        return message;
    }

    public static List<Order> fromCeb311(CEB311Message message) {
        List<Order> orders = new ArrayList<>();
        for (CEB311Message.Order node : message.getOrder()) {
            OrderHead h = node.getOrderHead();
            List<OrderLine> lines = new ArrayList<>();
            for (OrderList l : node.getOrderList()) {
                lines.add(new OrderLine(l.getGnum(), l.getItemNo(), l.getItemName(), l.getGmodel(), l.getItemDescribe(),
                        l.getBarCode(), l.getUnit(), l.getQty(), l.getPrice(), l.getTotalPrice(),
                        CebCodes.canonical(CodeList.COUNTRY, l.getCountry()), l.getNote()));
            }
            orders.add(new Order(h.getOrderNo(), h.getEbpCode(), h.getEbpName(), h.getEbcCode(), h.getEbcName(),
                    h.getGoodsValue(), h.getFreight(), h.getDiscount(), h.getTaxTotal(), h.getActuralPaid(),
                    CebCodes.canonical(CodeList.CURRENCY, h.getCurrency()),
                    new Person(h.getBuyerRegNo(), h.getBuyerName(), h.getBuyerIdType(), h.getBuyerIdNumber(),
                            h.getBuyerTelephone()),
                    new Consignee(h.getConsignee(), h.getConsigneeTelephone(), h.getConsigneeAddress(),
                            h.getConsigneeDistrict()),
                    h.getPayCode(), h.getPayName(), h.getPayTransactionId(), h.getBatchNumbers(), h.getNote(), lines));
        }
        return orders;
    }

    public static CEB312Message toCeb312(List<CustomsReceipt> receipts, ZoneId zone) {
        CEB312Message message = new CEB312Message();
        message.setGuid(CebCodes.guid());
        message.setVersion("1.0");
        for (CustomsReceipt receipt : receipts) {
            OrderReturn node = new OrderReturn();
            node.setGuid(receipt.guid());
            node.setEbpCode(receipt.ebpCode());
            node.setEbcCode(receipt.ebcCode());
            node.setOrderNo(receipt.orderNo());
            node.setReturnStatus(String.valueOf(receipt.returnStatus()));
            node.setReturnTime(CebCodes.format(receipt.returnTime(), CebCodes.TIME17, zone));
            node.setReturnInfo(receipt.returnInfo());
            message.getOrderReturn().add(node);
        }
        return message;
    }

    public static List<CustomsReceipt> fromCeb312(CEB312Message message, ZoneId zone) throws CustomsXmlException {
        List<CustomsReceipt> receipts = new ArrayList<>();
        for (OrderReturn r : message.getOrderReturn()) {
            receipts.add(CustomsReceipt.of("CEB312", r.getGuid()).order(r.getEbpCode(), r.getEbcCode(), r.getOrderNo())
                    .status(CebCodes.status(r.getReturnStatus(), "returnStatus"),
                            CebCodes.parse(r.getReturnTime(), CebCodes.TIME17, zone, "returnTime"), r.getReturnInfo()));
        }
        return receipts;
    }

    private static OrderHead head(Order order, String appTime, DocumentAction action) {
        OrderHead h = new OrderHead();
        h.setGuid(CebCodes.guid());
        h.setAppType(action.appType());
        h.setAppTime(appTime);
        h.setAppStatus("2");
        h.setOrderType("I");
        h.setOrderNo(order.orderNo());
        h.setEbpCode(order.ebpCode());
        h.setEbpName(order.ebpName() == null ? order.ebpCode() : order.ebpName());
        h.setEbcCode(order.ebcCode());
        h.setEbcName(order.ebcName() == null ? order.ebcCode() : order.ebcName());
        h.setGoodsValue(order.goodsValue());
        h.setFreight(order.freight());
        h.setDiscount(order.discount());
        h.setTaxTotal(order.taxTotal());
        h.setActuralPaid(order.actualPaid());
        h.setCurrency(CebCodes.customs(CodeList.CURRENCY, order.currency()));
        h.setBuyerRegNo(order.buyer().regNo() == null ? order.buyer().idNumber() : order.buyer().regNo());
        h.setBuyerName(order.buyer().name());
        h.setBuyerTelephone(order.buyer().phone());
        h.setBuyerIdType(order.buyer().idType());
        h.setBuyerIdNumber(order.buyer().idNumber());
        h.setPayCode(order.payCode());
        h.setPayName(order.payName());
        h.setPayTransactionId(order.payTransactionId());
        h.setBatchNumbers(order.batchNumbers());
        h.setConsignee(order.consignee().name());
        h.setConsigneeTelephone(order.consignee().phone());
        h.setConsigneeAddress(order.consignee().address());
        h.setConsigneeDistrict(order.consignee().district());
        h.setNote(order.note());
        return h;
    }

    private static OrderList line(OrderLine line, String currency) {
        OrderList l = new OrderList();
        l.setGnum(line.gnum());
        l.setItemNo(line.sku());
        l.setItemName(line.name());
        l.setGmodel(line.model() == null ? line.name() : line.model());
        l.setItemDescribe(line.description());
        l.setBarCode(line.barcode());
        l.setUnit(line.unit());
        l.setQty(line.qty());
        l.setPrice(line.price());
        l.setTotalPrice(line.totalPrice());
        l.setCurrency(CebCodes.customs(CodeList.CURRENCY, currency));
        l.setCountry(CebCodes.customs(CodeList.COUNTRY, line.originCountry()));
        l.setNote(line.note());
        return l;
    }
}
