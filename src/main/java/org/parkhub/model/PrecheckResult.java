package org.parkhub.model;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;

/**
 * What the hub's customs pre-check says about a transaction (docs/integrators.md, "Customs pre-check"), sent by the hub
 * itself to the platform and the broker whenever it changes: the case's state, the documents customs matches that are
 * still missing, the findings, the retail import tax customs will compute against the order's, and the buyer's annual
 * quota. Each change is the next revision of the case's result.
 */
@DocumentIdentity(value = {"ebpCode", "orderNo"},
        why = "one pre-check result per customs case (platform + order): each change is its next revision")
@XmlRootElement(name = "precheckResult")
public record PrecheckResult(
        @NotBlank @Pattern(regexp = Formats.PARTY_CODE) String ebpCode,
        @NotBlank @Size(max = 60) @Pattern(regexp = Formats.DOCUMENT_NO) String orderNo,
        @NotNull CaseState state,
        // the documents still missing, space-separated: "payment waybill"
        @Size(max = 30) @Pattern(regexp = "^(order|payment|waybill)( (order|payment|waybill))*$") String missing,
        @Pattern(regexp = Formats.PARTY_CODE) String ebcCode,
        @Pattern(regexp = Formats.PARTY_CODE) String payCode,
        @Pattern(regexp = Formats.PARTY_CODE) String logisticsCode,
        @Pattern(regexp = Formats.PARTY_CODE) String agentCode,
        @Size(max = 20) @Pattern(regexp = Formats.DOCUMENT_NO) String copNo,
        // customs' state of the declaration (DECLARED, RELEASED, ...), when there is one
        @Size(max = 20) @Pattern(regexp = "^[A-Z_]+$") String declarationState,
        // the order's taxTotal, and the tax customs will compute (absent when it cannot be: taxNotAssessed says why)
        @DecimalMin("0") @Digits(integer = Formats.MONEY_INTEGER_DIGITS, fraction = Formats.MONEY_FRACTION_DIGITS) BigDecimal taxTotal,
        @DecimalMin("0") @Digits(integer = Formats.MONEY_INTEGER_DIGITS, fraction = Formats.MONEY_FRACTION_DIGITS) BigDecimal computedTax,
        @Size(max = 500) String taxNotAssessed,
        // the buyer's calendar year, what its other declarations used, this transaction, and what remains
        @Min(2000) @Max(2999) Integer quotaYear,
        @Digits(integer = Formats.MONEY_INTEGER_DIGITS, fraction = Formats.MONEY_FRACTION_DIGITS) BigDecimal quotaUsed,
        @Digits(integer = Formats.MONEY_INTEGER_DIGITS, fraction = Formats.MONEY_FRACTION_DIGITS) BigDecimal quotaTransaction,
        @Digits(integer = Formats.MONEY_INTEGER_DIGITS, fraction = Formats.MONEY_FRACTION_DIGITS) BigDecimal quotaRemaining,
        @XmlElement(name = "finding")
        @Size(max = 200) List<@Valid @NotNull PrecheckFinding> findings) {

    public PrecheckResult {
        findings = Lists.copy(findings);
    }
}
