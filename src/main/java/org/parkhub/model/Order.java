package org.parkhub.model;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;

/** A consumer's import order (CEB311 semantics; {@code actualPaid} is the customs {@code acturalPaid}). */
@DocumentIdentity({"ebpCode", "orderNo"})
@XmlRootElement(name = "order")
public record Order(
        @NotBlank @Size(max = 60) @Pattern(regexp = Formats.DOCUMENT_NO) String orderNo,
        @NotBlank @Pattern(regexp = Formats.PARTY_CODE) String ebpCode,
        @Size(max = 100) String ebpName,
        @NotBlank @Pattern(regexp = Formats.PARTY_CODE) String ebcCode,
        @Size(max = 100) String ebcName,
        @NotNull @DecimalMin("0") @Digits(integer = Formats.MONEY_INTEGER_DIGITS, fraction = Formats.MONEY_FRACTION_DIGITS) BigDecimal goodsValue,
        @NotNull @DecimalMin("0") @Digits(integer = Formats.MONEY_INTEGER_DIGITS, fraction = Formats.MONEY_FRACTION_DIGITS) BigDecimal freight,
        @NotNull @DecimalMin("0") @Digits(integer = Formats.MONEY_INTEGER_DIGITS, fraction = Formats.MONEY_FRACTION_DIGITS) BigDecimal discount,
        @NotNull @DecimalMin("0") @Digits(integer = Formats.MONEY_INTEGER_DIGITS, fraction = Formats.MONEY_FRACTION_DIGITS) BigDecimal taxTotal,
        @NotNull @DecimalMin("0") @Digits(integer = Formats.MONEY_INTEGER_DIGITS, fraction = Formats.MONEY_FRACTION_DIGITS) BigDecimal actualPaid,
        @NotNull @Code(CodeList.CURRENCY) String currency,
        @NotNull @Valid Person buyer,
        @NotNull @Valid Consignee consignee,
        @Pattern(regexp = Formats.PARTY_CODE) String payCode,
        @Size(max = 100) String payName,
        @Size(max = 60) @Pattern(regexp = Formats.DOCUMENT_NO) String payTransactionId,
        @Size(max = 100) String batchNumbers,
        @Size(max = 1000) String note,
        @XmlElement(name = "line")
        @NotEmpty @Size(max = 99) List<@Valid @NotNull OrderLine> lines) {

    public Order {
        lines = Lists.copy(lines);
    }
}
