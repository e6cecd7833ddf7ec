package org.parkhub.model;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.xml.bind.annotation.XmlRootElement;

/**
 * Any customs receipt (CEB312/412/512/514/622/624/626/712, the tax bill status CEB818 and the format error
 * CEB900): the keys of the answered message, its status and the reason. Which keys are present depends on
 * {@code messageCode}; {@code warehouseCode} is the CEB712 {@code operatorCode}, the CEB818 tax bill
 * status (1 generated, 2 summarised, 3 void) is {@code returnStatus}, and a CEB900 names the message it answers in {@code originalMessageId}/{@code Type}.
 */
@DocumentIdentity(value = {"messageCode", "ebpCode", "orderNo", "payCode", "payTransactionId", "logisticsCode", "logisticsNo", "agentCode", "copNo", "invtNo", "warehouseCode", "rkdNo", "taxNo", "returnStatus", "returnTime"},
        why = "a receipt is the document it answers (whichever of these keys its message carries) with its status and time: customs sends a new receipt for each step, and the same one again when asked")
@XmlRootElement(name = "customsReceipt")
public record CustomsReceipt(
        @NotBlank @Pattern(regexp = "^CEB[0-9]{3}$") String messageCode,
        // customs' own receipts write guids in lower case, though the specification asks for upper case
        @NotBlank @Pattern(regexp = "^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$") String guid,
        @Pattern(regexp = "^[0-9]{4}$") String customsCode,
        @Pattern(regexp = Formats.PARTY_CODE) String ebpCode,
        @Pattern(regexp = Formats.PARTY_CODE) String ebcCode,
        @Size(max = 60) @Pattern(regexp = Formats.DOCUMENT_NO) String orderNo,
        @Pattern(regexp = Formats.PARTY_CODE) String payCode,
        @Size(max = 60) @Pattern(regexp = Formats.DOCUMENT_NO) String payTransactionId,
        @Pattern(regexp = Formats.PARTY_CODE) String logisticsCode,
        @Size(max = 60) @Pattern(regexp = Formats.DOCUMENT_NO) String logisticsNo,
        @Pattern(regexp = Formats.PARTY_CODE) String agentCode,
        @Size(max = 18) @Pattern(regexp = Formats.IDENTIFIER) String warehouseCode,
        @Size(max = 20) @Pattern(regexp = Formats.DOCUMENT_NO) String copNo,
        @Size(max = 18) @Pattern(regexp = Formats.DOCUMENT_NO) String preNo,
        @Size(max = 18) @Pattern(regexp = Formats.DOCUMENT_NO) String invtNo,
        @Size(max = 18) @Pattern(regexp = Formats.DOCUMENT_NO) String rkdNo,
        @Size(max = 50) @Pattern(regexp = Formats.DOCUMENT_NO) String taxNo,
        @Size(max = 50) @Pattern(regexp = Formats.DOCUMENT_NO) String entDutyNo,
        @Pattern(regexp = Formats.PARTY_CODE) String assureCode,
        @Size(max = 255) String originalMessageId,
        @Size(max = 15) String originalMessageType,
        @NotNull Integer returnStatus,
        @NotNull OffsetDateTime returnTime,
        @Size(max = 5000) String returnInfo) {

    public static Builder of(String messageCode, String guid) {
        return new Builder(messageCode, guid);
    }

    /** Receipts carry a few of the many keys; naming them beats a row of nulls. */
    public static final class Builder {
        private final String messageCode;
        private final String guid;
        private String customsCode;
        private String ebpCode;
        private String ebcCode;
        private String orderNo;
        private String payCode;
        private String payTransactionId;
        private String logisticsCode;
        private String logisticsNo;
        private String agentCode;
        private String warehouseCode;
        private String copNo;
        private String preNo;
        private String invtNo;
        private String rkdNo;
        private String taxNo;
        private String entDutyNo;
        private String assureCode;
        private String originalMessageId;
        private String originalMessageType;

        private Builder(String messageCode, String guid) {
            this.messageCode = messageCode;
            this.guid = guid;
        }

        public Builder customsCode(String value) {
            customsCode = value;
            return this;
        }

        public Builder order(String ebp, String ebc, String number) {
            ebpCode = ebp;
            ebcCode = ebc;
            orderNo = number;
            return this;
        }

        public Builder payment(String code, String transactionId) {
            payCode = code;
            payTransactionId = transactionId;
            return this;
        }

        public Builder waybill(String code, String number) {
            logisticsCode = code;
            logisticsNo = number;
            return this;
        }

        public Builder agentCode(String value) {
            agentCode = value;
            return this;
        }

        public Builder warehouseCode(String value) {
            warehouseCode = value;
            return this;
        }

        /** The declaration numbers: the firm's, the e-port's and customs'. */
        public Builder documents(String cop, String pre, String invt) {
            copNo = cop;
            preNo = pre;
            invtNo = invt;
            return this;
        }

        public Builder rkdNo(String value) {
            rkdNo = value;
            return this;
        }

        /** A tax bill: its number, the payment document's, and the firm guaranteeing the tax. */
        public Builder tax(String number, String paymentDocumentNo, String guarantor) {
            taxNo = number;
            entDutyNo = paymentDocumentNo;
            assureCode = guarantor;
            return this;
        }

        public Builder original(String messageId, String messageType) {
            originalMessageId = messageId;
            originalMessageType = messageType;
            return this;
        }

        public CustomsReceipt status(Integer returnStatus, OffsetDateTime returnTime, String returnInfo) {
            return new CustomsReceipt(messageCode, guid, customsCode, ebpCode, ebcCode, orderNo, payCode,
                    payTransactionId, logisticsCode, logisticsNo, agentCode, warehouseCode, copNo, preNo, invtNo,
                    rkdNo, taxNo, entDutyNo, assureCode, originalMessageId, originalMessageType, returnStatus, returnTime, returnInfo);
        }
    }
}
