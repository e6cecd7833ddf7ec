package org.parkhub.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Where and to whom the parcel goes. */
public record Consignee(
        @NotBlank @Size(max = 100) String name,
        @NotBlank @Pattern(regexp = Formats.PHONE) String phone,
        @NotBlank @Size(max = 200) String address,
        @Size(max = 6) @Pattern(regexp = "^[0-9]{6}$") String district) {
}
