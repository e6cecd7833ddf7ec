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

/** One line of an inventory declaration (CEB621 InventoryList), 1:1 with the order line of the same gnum. */
public record InventoryLine(
        @NotNull @Min(1) @Max(99) Integer gnum,
        @Size(max = 50) @Pattern(regexp = Formats.IDENTIFIER) String itemRecordNo,
        @NotBlank @Size(max = 64) @Pattern(regexp = Formats.IDENTIFIER) String sku,
        @NotBlank @Size(max = 250) String itemName,
        @NotBlank @Pattern(regexp = Formats.HS_CODE) String gcode,
        @NotBlank @Size(max = 250) String gname,
        @NotBlank @Size(max = 250) String gmodel,
        @Size(max = 50) String barcode,
        @NotNull @Code(CodeList.COUNTRY) String country,
        @Code(CodeList.COUNTRY) String tradeCountry,
        @NotNull @Code(CodeList.CURRENCY) String currency,
        @NotNull @Positive @Digits(integer = Formats.MONEY_INTEGER_DIGITS, fraction = Formats.MONEY_FRACTION_DIGITS) BigDecimal qty,
        @NotNull @Code(CodeList.UNIT) String unit,
        @NotNull @Positive @Digits(integer = Formats.MONEY_INTEGER_DIGITS, fraction = Formats.MONEY_FRACTION_DIGITS) BigDecimal qty1,
        @NotNull @Code(CodeList.UNIT) String unit1,
        @Positive @Digits(integer = Formats.MONEY_INTEGER_DIGITS, fraction = Formats.MONEY_FRACTION_DIGITS) BigDecimal qty2,
        @Code(CodeList.UNIT) String unit2,
        @NotNull @DecimalMin("0") @Digits(integer = Formats.MONEY_INTEGER_DIGITS, fraction = Formats.MONEY_FRACTION_DIGITS) BigDecimal price,
        @NotNull @DecimalMin("0") @Digits(integer = Formats.MONEY_INTEGER_DIGITS, fraction = Formats.MONEY_FRACTION_DIGITS) BigDecimal totalPrice,
        @Size(max = 1000) String note) {
}
