package org.parkhub.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;

/** An import inventory declaration (CEB621); bonded (1210) or direct purchase (9610). */
@DocumentIdentity(value = {"agentCode", "copNo"},
        why = "the declarant's own number (copNo) is known from the first send; customs' invtNo only after its receipt")
@XmlRootElement(name = "inventoryDeclaration")
public record InventoryDeclaration(
        @NotBlank @Size(max = 60) @Pattern(regexp = Formats.DOCUMENT_NO) String orderNo,
        @NotBlank @Pattern(regexp = Formats.PARTY_CODE) String ebpCode,
        @Size(max = 100) String ebpName,
        @NotBlank @Pattern(regexp = Formats.PARTY_CODE) String ebcCode,
        @Size(max = 100) String ebcName,
        @NotBlank @Size(max = 60) @Pattern(regexp = Formats.DOCUMENT_NO) String logisticsNo,
        @NotBlank @Pattern(regexp = Formats.PARTY_CODE) String logisticsCode,
        @Size(max = 100) String logisticsName,
        @NotBlank @Size(max = 20) @Pattern(regexp = Formats.DOCUMENT_NO) String copNo,
        @Size(max = 18) @Pattern(regexp = Formats.DOCUMENT_NO) String preNo,
        @Size(max = 18) @Pattern(regexp = Formats.DOCUMENT_NO) String invtNo,
        @NotBlank @Pattern(regexp = Formats.PARTY_CODE) String assureCode,
        @Size(max = 30) @Pattern(regexp = Formats.IDENTIFIER) String emsNo,
        @NotNull LocalDate declTime,
        @NotBlank @Pattern(regexp = "^[0-9]{4}$") String customsCode,
        @NotBlank @Pattern(regexp = "^[0-9]{4}$") String portCode,
        LocalDate ieDate,
        @NotNull @Valid Person buyer,
        @NotBlank @Size(max = 200) String consigneeAddress,
        @NotBlank @Pattern(regexp = Formats.PARTY_CODE) String agentCode,
        @Size(max = 100) String agentName,
        @Size(max = 18) @Pattern(regexp = Formats.IDENTIFIER) String areaCode,
        @Size(max = 100) String areaName,
        @NotNull TradeMode tradeMode,
        @NotBlank @Pattern(regexp = "^[0-9A-Z]$") String trafMode,
        @Size(max = 100) String trafNo,
        @Size(max = 32) String voyageNo,
        @Size(max = 37) @Pattern(regexp = Formats.DOCUMENT_NO) String billNo,
        @Size(max = 10) String loctNo,
        @Size(max = 19) String licenseNo,
        @NotNull @Code(CodeList.COUNTRY) String country,
        @NotNull @DecimalMin("0") @Digits(integer = Formats.MONEY_INTEGER_DIGITS, fraction = Formats.MONEY_FRACTION_DIGITS) BigDecimal freight,
        @NotNull @DecimalMin("0") @Digits(integer = Formats.MONEY_INTEGER_DIGITS, fraction = Formats.MONEY_FRACTION_DIGITS) BigDecimal insuredFee,
        @NotNull @Code(CodeList.CURRENCY) String currency,
        @Pattern(regexp = "^[0-9A-Z]$") String wrapType,
        @NotNull @Min(1) Integer packNo,
        @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = Formats.MONEY_INTEGER_DIGITS, fraction = Formats.MONEY_FRACTION_DIGITS) BigDecimal grossWeight,
        @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = Formats.MONEY_INTEGER_DIGITS, fraction = Formats.MONEY_FRACTION_DIGITS) BigDecimal netWeight,
        @Size(max = 1000) String note,
        @XmlElement(name = "line")
        @NotEmpty @Size(max = 99) List<@Valid @NotNull InventoryLine> lines,
        // a draft the hub assembled for the broker to confirm (CEB appStatus 1, saved, not declared); absent otherwise
        @AssertTrue Boolean draft) {

    public InventoryDeclaration {
        lines = Lists.copy(lines);
        draft = Boolean.TRUE.equals(draft) ? Boolean.TRUE : null;
    }

    /** Whether this is a draft, not a declaration: nobody declared it to customs. */
    public boolean isDraft() {
        return draft != null;
    }

    /** The same declaration as its declarant sends it to customs. */
    public InventoryDeclaration confirmed() {
        return new InventoryDeclaration(orderNo, ebpCode, ebpName, ebcCode, ebcName, logisticsNo, logisticsCode,
                logisticsName, copNo, preNo, invtNo, assureCode, emsNo, declTime, customsCode, portCode, ieDate, buyer,
                consigneeAddress, agentCode, agentName, areaCode, areaName, tradeMode, trafMode, trafNo, voyageNo,
                billNo, loctNo, licenseNo, country, freight, insuredFee, currency, wrapType, packNo, grossWeight,
                netWeight, note, lines, null);
    }
}
