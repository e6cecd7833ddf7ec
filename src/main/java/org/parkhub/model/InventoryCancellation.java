package org.parkhub.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.xml.bind.annotation.XmlRootElement;

/** A request to withdraw a released inventory declaration (CEB623), identified by its {@code invtNo}. */
@DocumentIdentity(value = {"agentCode", "copNo"},
        why = "one cancellation request per declaration, named by the declaration's copNo")
@XmlRootElement(name = "inventoryCancellation")
public record InventoryCancellation(
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
        @Size(max = 1000) String note) implements Withdrawal {
}
