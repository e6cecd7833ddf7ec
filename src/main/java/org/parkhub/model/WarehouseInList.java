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

/**
 * The parcels a supervised-site operator found on opening a master bag (CEB711, direct purchase 9610).
 * The operator is a park warehouse: CEB {@code operatorCode} is its {@code warehouseCode}.
 */
@DocumentIdentity({"warehouseCode", "copNo"})
@XmlRootElement(name = "warehouseInList")
public record WarehouseInList(
        @NotBlank @Pattern(regexp = "^[0-9]{4}$") String customsCode,
        @Size(max = 20) @Pattern(regexp = Formats.DOCUMENT_NO) String copNo,
        @Size(max = 18) @Pattern(regexp = Formats.DOCUMENT_NO) String preNo,
        @Size(max = 18) @Pattern(regexp = Formats.DOCUMENT_NO) String rkdNo,
        @NotBlank @Size(max = 18) @Pattern(regexp = Formats.IDENTIFIER) String warehouseCode,
        @Size(max = 100) String warehouseName,
        @NotBlank @Pattern(regexp = "^[0-9A-Z]$") String trafMode,
        @NotBlank @Size(max = 100) String trafNo,
        @NotBlank @Size(max = 32) String voyageNo,
        @NotBlank @Size(max = 37) @Pattern(regexp = Formats.DOCUMENT_NO) String billNo,
        @NotBlank @Pattern(regexp = Formats.PARTY_CODE) String logisticsCode,
        @Size(max = 100) String logisticsName,
        @Size(max = 100) String unloadLocation,
        @Size(max = 1000) String note,
        @XmlElement(name = "parcel")
        @NotEmpty List<@Valid @NotNull WarehouseInParcel> parcels) {

    public WarehouseInList {
        parcels = Lists.copy(parcels);
    }
}
