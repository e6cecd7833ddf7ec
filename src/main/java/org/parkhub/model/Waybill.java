package org.parkhub.model;

import java.math.BigDecimal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.xml.bind.annotation.XmlRootElement;

/** A carrier's waybill for one order's parcel (CEB511). */
@DocumentIdentity({"logisticsCode", "logisticsNo"})
@XmlRootElement(name = "waybill")
public record Waybill(
        @NotBlank @Pattern(regexp = Formats.PARTY_CODE) String logisticsCode,
        @Size(max = 100) String logisticsName,
        @NotBlank @Size(max = 60) @Pattern(regexp = Formats.DOCUMENT_NO) String logisticsNo,
        @Size(max = 37) @Pattern(regexp = Formats.DOCUMENT_NO) String billNo,
        @NotBlank @Size(max = 60) @Pattern(regexp = Formats.DOCUMENT_NO) String orderNo,
        @NotNull @DecimalMin("0") @Digits(integer = Formats.MONEY_INTEGER_DIGITS, fraction = Formats.MONEY_FRACTION_DIGITS) BigDecimal freight,
        @NotNull @DecimalMin("0") @Digits(integer = Formats.MONEY_INTEGER_DIGITS, fraction = Formats.MONEY_FRACTION_DIGITS) BigDecimal insuredFee,
        @NotNull @Code(CodeList.CURRENCY) String currency,
        @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = Formats.MONEY_INTEGER_DIGITS, fraction = Formats.MONEY_FRACTION_DIGITS) BigDecimal weight,
        @NotNull @Min(1) @Max(9999) Integer packNo,
        @Size(max = 500) String goodsInfo,
        @NotNull @Valid Consignee consignee,
        @Size(max = 1000) String note) {
}
