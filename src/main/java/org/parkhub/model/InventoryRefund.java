package org.parkhub.model;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;

/** A consumer return of goods from a released declaration (CEB625): which lines of {@code invtNo}, how many. */
@DocumentIdentity(value = {"agentCode", "copNo"},
        why = "one return request per declaration, named by the declaration's copNo")
@XmlRootElement(name = "inventoryRefund")
public record InventoryRefund(
        @NotBlank @Pattern(regexp = "^[0-9]{4}$") String customsCode,
        @NotBlank @Size(max = 60) @Pattern(regexp = Formats.DOCUMENT_NO) String orderNo,
        @NotBlank @Pattern(regexp = Formats.PARTY_CODE) String ebpCode,
        @Size(max = 100) String ebpName,
        @NotBlank @Pattern(regexp = Formats.PARTY_CODE) String ebcCode,
        @Size(max = 100) String ebcName,
        @NotBlank @Size(max = 60) @Pattern(regexp = Formats.DOCUMENT_NO) String logisticsNo,
        @NotBlank @Pattern(regexp = Formats.PARTY_CODE) String logisticsCode,
        @Size(max = 100) String logisticsName,
        @Size(max = 20) @Pattern(regexp = Formats.DOCUMENT_NO) String copNo,
        @Size(max = 18) @Pattern(regexp = Formats.DOCUMENT_NO) String preNo,
        @NotBlank @Size(max = 18) @Pattern(regexp = Formats.DOCUMENT_NO) String invtNo,
        @NotNull @Valid Person buyer,
        @NotBlank @Pattern(regexp = Formats.PARTY_CODE) String agentCode,
        @Size(max = 100) String agentName,
        @NotBlank @Size(max = 1000) String reason,
        @Size(max = 1000) String note,
        @XmlElement(name = "line")
        @NotEmpty @Size(max = 99) List<@Valid @NotNull RefundLine> lines) implements Withdrawal {

    public InventoryRefund {
        lines = Lists.copy(lines);
    }
}
