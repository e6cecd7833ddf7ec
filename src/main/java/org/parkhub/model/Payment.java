package org.parkhub.model;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.xml.bind.annotation.XmlRootElement;

/** A payment voucher for an order (CEB411). */
@DocumentIdentity({"payCode", "payTransactionId"})
@XmlRootElement(name = "payment")
public record Payment(
        @NotBlank @Pattern(regexp = Formats.PARTY_CODE) String payCode,
        @Size(max = 100) String payName,
        @NotBlank @Size(max = 60) @Pattern(regexp = Formats.DOCUMENT_NO) String payTransactionId,
        @NotBlank @Size(max = 60) @Pattern(regexp = Formats.DOCUMENT_NO) String orderNo,
        @NotBlank @Pattern(regexp = Formats.PARTY_CODE) String ebpCode,
        @Size(max = 100) String ebpName,
        @NotNull @Valid Person payer,
        @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = Formats.MONEY_INTEGER_DIGITS, fraction = Formats.MONEY_FRACTION_DIGITS) BigDecimal amountPaid,
        @NotNull @Code(CodeList.CURRENCY) String currency,
        @NotNull OffsetDateTime payTime,
        @Size(max = 1000) String note) {
}
