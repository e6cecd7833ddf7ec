package org.parkhub.model;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** One parcel of a warehouse-in list (CEB711 DeliveryList), by its waybill number. */
public record WarehouseInParcel(
        @NotNull @Min(1) Integer gnum,
        @NotBlank @Size(max = 60) @Pattern(regexp = Formats.DOCUMENT_NO) String logisticsNo,
        @Size(max = 1000) String note) {
}
