package org.parkhub.model;

import java.math.BigDecimal;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** One returned line (CEB625 InvtRefundList); {@code gnum} is the line number in the original declaration. */
public record RefundLine(
        @NotNull @Min(1) @Max(99) Integer gnum,
        @NotBlank @Pattern(regexp = Formats.HS_CODE) String gcode,
        @NotBlank @Size(max = 250) String gname,
        @NotNull @Positive @Digits(integer = Formats.MONEY_INTEGER_DIGITS, fraction = Formats.MONEY_FRACTION_DIGITS) BigDecimal qty,
        @NotNull @Code(CodeList.UNIT) String unit,
        @Size(max = 1000) String note) {
}
