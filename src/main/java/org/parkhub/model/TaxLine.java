package org.parkhub.model;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Tax on one declaration line (CEB816 TaxListRd). */
public record TaxLine(
        @NotNull @Min(1) @Max(99) Integer gnum,
        @NotBlank @Pattern(regexp = Formats.HS_CODE) String gcode,
        @NotNull @DecimalMin("0") @Digits(integer = Formats.MONEY_INTEGER_DIGITS, fraction = Formats.MONEY_FRACTION_DIGITS) BigDecimal taxPrice,
        @NotNull @DecimalMin("0") @Digits(integer = Formats.MONEY_INTEGER_DIGITS, fraction = Formats.MONEY_FRACTION_DIGITS) BigDecimal customsTax,
        @NotNull @DecimalMin("0") @Digits(integer = Formats.MONEY_INTEGER_DIGITS, fraction = Formats.MONEY_FRACTION_DIGITS) BigDecimal valueAddedTax,
        @NotNull @DecimalMin("0") @Digits(integer = Formats.MONEY_INTEGER_DIGITS, fraction = Formats.MONEY_FRACTION_DIGITS) BigDecimal consumptionTax) {
}
