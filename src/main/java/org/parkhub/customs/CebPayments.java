package org.parkhub.customs;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.parkhub.customs.ceb.CEB411Message;
import org.parkhub.customs.ceb.CEB412Message;
import org.parkhub.customs.ceb.PaymentHead;
import org.parkhub.customs.ceb.PaymentReturn;
import org.parkhub.model.CodeList;
import org.parkhub.model.CustomsReceipt;
import org.parkhub.model.DocumentAction;
import org.parkhub.model.Payment;
import org.parkhub.model.Person;

/** Payment vouchers as customs exchanges them: canonical {@link Payment}s to and from CEB411, receipts with CEB412. */
public final class CebPayments {

    private CebPayments() {
    }

    /** New documents (appType 1). */
    public static CEB411Message toCeb411(List<Payment> payments, CebTransfer transfer, OffsetDateTime appTime, ZoneId zone) {
        return toCeb411(payments, transfer, appTime, DocumentAction.NEW, zone);
    }

    /** {@code action} is what the documents do (appType 1 new, 2 modify, 3 delete). */
    public static CEB411Message toCeb411(List<Payment> payments, CebTransfer transfer, OffsetDateTime appTime, DocumentAction action,
            ZoneId zone) {
        CEB411Message message = new CEB411Message();
        message.setGuid(CebCodes.guid());
        message.setVersion("1.0");
        for (Payment payment : payments) {
            PaymentHead h = new PaymentHead();
            h.setGuid(CebCodes.guid());
            h.setAppType(action.appType());
            h.setAppTime(CebCodes.format(appTime, CebCodes.TIME14, zone));
            h.setAppStatus("2");
            h.setPayCode(payment.payCode());
            h.setPayName(payment.payName() == null ? payment.payCode() : payment.payName());
            h.setPayTransactionId(payment.payTransactionId());
            h.setOrderNo(payment.orderNo());
            h.setEbpCode(payment.ebpCode());
            h.setEbpName(payment.ebpName() == null ? payment.ebpCode() : payment.ebpName());
            h.setPayerIdType(payment.payer().idType());
            h.setPayerIdNumber(payment.payer().idNumber());
            h.setPayerName(payment.payer().name());
            h.setTelephone(payment.payer().phone());
            h.setAmountPaid(payment.amountPaid());
            h.setCurrency(CebCodes.customs(CodeList.CURRENCY, payment.currency()));
            h.setPayTime(CebCodes.format(payment.payTime(), CebCodes.TIME14, zone));
            h.setNote(payment.note());
            CEB411Message.Payment node = new CEB411Message.Payment();
            node.setPaymentHead(h);
            message.getPayment().add(node);
        }
        message.setBaseTransfer(CebCodes.baseTransfer(transfer));
        return message;
    }

    public static List<Payment> fromCeb411(CEB411Message message, ZoneId zone) throws CustomsXmlException {
        List<Payment> payments = new ArrayList<>();
        for (CEB411Message.Payment node : message.getPayment()) {
            PaymentHead h = node.getPaymentHead();
            payments.add(new Payment(h.getPayCode(), h.getPayName(), h.getPayTransactionId(), h.getOrderNo(),
                    h.getEbpCode(), h.getEbpName(),
                    new Person(null, h.getPayerName(), h.getPayerIdType(), h.getPayerIdNumber(), h.getTelephone()),
                    h.getAmountPaid(), CebCodes.canonical(CodeList.CURRENCY, h.getCurrency()),
                    CebCodes.parse(h.getPayTime(), CebCodes.TIME14, zone, "payTime"), h.getNote()));
        }
        return payments;
    }

    public static CEB412Message toCeb412(List<CustomsReceipt> receipts, ZoneId zone) {
        CEB412Message message = new CEB412Message();
        message.setGuid(CebCodes.guid());
        message.setVersion("1.0");
        for (CustomsReceipt receipt : receipts) {
            PaymentReturn node = new PaymentReturn();
            node.setGuid(receipt.guid());
            node.setPayCode(receipt.payCode());
            node.setPayTransactionId(receipt.payTransactionId());
            node.setReturnStatus(String.valueOf(receipt.returnStatus()));
            node.setReturnTime(CebCodes.format(receipt.returnTime(), CebCodes.TIME17, zone));
            node.setReturnInfo(receipt.returnInfo());
            message.getPaymentReturn().add(node);
        }
        return message;
    }

    public static List<CustomsReceipt> fromCeb412(CEB412Message message, ZoneId zone) throws CustomsXmlException {
        List<CustomsReceipt> receipts = new ArrayList<>();
        for (PaymentReturn r : message.getPaymentReturn()) {
            receipts.add(CustomsReceipt.of("CEB412", r.getGuid()).payment(r.getPayCode(), r.getPayTransactionId())
                    .status(CebCodes.status(r.getReturnStatus(), "returnStatus"),
                            CebCodes.parse(r.getReturnTime(), CebCodes.TIME17, zone, "returnTime"), r.getReturnInfo()));
        }
        return receipts;
    }
}
