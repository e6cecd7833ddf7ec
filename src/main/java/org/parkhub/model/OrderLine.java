package org.parkhub.model;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** One line of an order (CEB311 OrderList). */
public record OrderLine(
        @NotNull @Min(1) @Max(99) Integer gnum,
        @NotBlank @Size(max = 64) @Pattern(regexp = Formats.IDENTIFIER) String sku,
        @NotBlank @Size(max = 250) String name,
        @Size(max = 250) String model,
        @Size(max = 1000) String description,
        @Size(max = 50) String barcode,
        @NotNull @Code(CodeList.UNIT) String unit,
        @NotNull @Positive @Digits(integer = Formats.MONEY_INTEGER_DIGITS, fraction = Formats.MONEY_FRACTION_DIGITS) BigDecimal qty,
        @NotNull @DecimalMin("0") @Digits(integer = Formats.MONEY_INTEGER_DIGITS, fraction = Formats.MONEY_FRACTION_DIGITS) BigDecimal price,
        @NotNull @DecimalMin("0") @Digits(integer = Formats.MONEY_INTEGER_DIGITS, fraction = Formats.MONEY_FRACTION_DIGITS) BigDecimal totalPrice,
        @NotNull @Code(CodeList.COUNTRY) String originCountry,
        @Size(max = 1000) String note) {
}
