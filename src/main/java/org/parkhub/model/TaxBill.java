package org.parkhub.model;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
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

/**
 * The retail import tax customs levies on a declaration (CEB816), head totals and per-line amounts.
 * CEB816 names the declaration ({@code invtNo}), not the order: {@code orderNo} is there when the sender knows it.
 */
@DocumentIdentity(value = {"taxNo", "status"},
        why = "customs numbers a tax bill once (taxNo) and reports each of its states (CEB816, CEB818) as a bill of its own")
@XmlRootElement(name = "taxBill")
public record TaxBill(
        // customs writes guids in lower case too, though the specification asks for upper case
        @NotBlank @Pattern(regexp = "^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$") String guid,
        @NotNull OffsetDateTime returnTime,
        @NotBlank @Size(max = 18) @Pattern(regexp = Formats.DOCUMENT_NO) String invtNo,
        @NotBlank @Size(max = 50) @Pattern(regexp = Formats.DOCUMENT_NO) String taxNo,
        @Size(max = 60) @Pattern(regexp = Formats.DOCUMENT_NO) String orderNo,
        @Pattern(regexp = "^[0-9]{4}$") String customsCode,
        @Pattern(regexp = Formats.PARTY_CODE) String ebcCode,
        @Pattern(regexp = Formats.PARTY_CODE) String logisticsCode,
        @Pattern(regexp = Formats.PARTY_CODE) String agentCode,
        @Pattern(regexp = Formats.PARTY_CODE) String assureCode,
        @Size(max = 50) @Pattern(regexp = Formats.DOCUMENT_NO) String entDutyNo,
        @NotNull @DecimalMin("0") @Digits(integer = Formats.MONEY_INTEGER_DIGITS, fraction = Formats.MONEY_FRACTION_DIGITS) BigDecimal customsTax,
        @NotNull @DecimalMin("0") @Digits(integer = Formats.MONEY_INTEGER_DIGITS, fraction = Formats.MONEY_FRACTION_DIGITS) BigDecimal valueAddedTax,
        @NotNull @DecimalMin("0") @Digits(integer = Formats.MONEY_INTEGER_DIGITS, fraction = Formats.MONEY_FRACTION_DIGITS) BigDecimal consumptionTax,
        @NotBlank @Pattern(regexp = "^[123]$") String status,
        @Size(max = 1000) String note,
        @XmlElement(name = "line")
        @NotEmpty @Size(max = 99) List<@Valid @NotNull TaxLine> lines) {

    public TaxBill {
        lines = Lists.copy(lines);
    }
}
