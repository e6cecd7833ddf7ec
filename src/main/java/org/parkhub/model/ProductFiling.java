package org.parkhub.model;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;

/** A merchant's product record (item filing) with the certificates that vouch for it. */
@DocumentIdentity({"ebcCode", "sku"})
@XmlRootElement(name = "productFiling")
public record ProductFiling(
        @NotBlank @Size(max = 64) @Pattern(regexp = Formats.IDENTIFIER) String sku,
        @Pattern(regexp = Formats.GTIN) String barcode,
        @NotBlank @Size(max = 250) String name,
        @Size(max = 250) String model,
        @NotBlank @Pattern(regexp = Formats.HS_CODE) String hsCode,
        @Size(max = 100) String brand,
        @NotNull @Code(CodeList.COUNTRY) String originCountry,
        @NotNull @Code(CodeList.UNIT) String unit,
        @NotNull @DecimalMin("0") @Digits(integer = Formats.MONEY_INTEGER_DIGITS, fraction = Formats.MONEY_FRACTION_DIGITS) BigDecimal price,
        @NotNull @Code(CodeList.CURRENCY) String currency,
        @NotBlank @Pattern(regexp = Formats.PARTY_CODE) String ebcCode,
        @Size(max = 50) @Pattern(regexp = Formats.IDENTIFIER) String itemRecordNo,
        @XmlElement(name = "certificate")
        @Size(max = 20) List<@Valid @NotNull Certificate> certificates,
        // customs' legal unit of the goods (法定计量单位) and how much of it one `unit` holds, for a declaration's
        // qty1/unit1; absent: `unit` is the legal unit
        @Code(CodeList.UNIT) String legalUnit,
        @Positive @Digits(integer = Formats.MONEY_INTEGER_DIGITS, fraction = Formats.MONEY_FRACTION_DIGITS) BigDecimal legalQty) {

    public ProductFiling {
        certificates = Lists.copy(certificates);
    }
}
