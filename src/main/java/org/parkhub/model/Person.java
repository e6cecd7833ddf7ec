package org.parkhub.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A buyer or payer: the identity customs checks against the annual limit. */
public record Person(
        @Size(max = 60) String regNo,
        @NotBlank @Size(max = 60) String name,
        @NotNull @Code(CodeList.ID_TYPE) String idType,
        @NotBlank @Size(max = 60) String idNumber,
        @NotBlank @Pattern(regexp = Formats.PHONE) String phone) {
}
