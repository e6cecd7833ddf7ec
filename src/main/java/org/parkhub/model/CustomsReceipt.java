package org.parkhub.model;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.xml.bind.annotation.XmlRootElement;

/**
 * Any customs receipt (CEB312/412/512/514/622/624/626/712 and CEB900): the keys of the answered message,
 * its status and the reason. Which keys are present depends on {@code receiptOf}.
 */
@XmlRootElement(name = "customsReceipt")
public record CustomsReceipt(
        @NotBlank @Pattern(regexp = "^CEB[0-9]{3}$") String messageCode,
        @NotBlank @Pattern(regexp = "^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$") String guid,
        @Pattern(regexp = Formats.PARTY_CODE) String ebpCode,
        @Pattern(regexp = Formats.PARTY_CODE) String ebcCode,
        @Size(max = 60) @Pattern(regexp = Formats.DOCUMENT_NO) String orderNo,
        @Pattern(regexp = Formats.PARTY_CODE) String payCode,
        @Size(max = 60) @Pattern(regexp = Formats.DOCUMENT_NO) String payTransactionId,
        @Pattern(regexp = Formats.PARTY_CODE) String logisticsCode,
        @Size(max = 60) @Pattern(regexp = Formats.DOCUMENT_NO) String logisticsNo,
        @Pattern(regexp = Formats.PARTY_CODE) String agentCode,
        @Size(max = 20) @Pattern(regexp = Formats.DOCUMENT_NO) String copNo,
        @Size(max = 18) @Pattern(regexp = Formats.DOCUMENT_NO) String preNo,
        @Size(max = 18) @Pattern(regexp = Formats.DOCUMENT_NO) String invtNo,
        @NotNull Integer returnStatus,
        @NotNull OffsetDateTime returnTime,
        @NotBlank @Size(max = 1000) String returnInfo) {
}
