package org.parkhub.model;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A certificate attached to a product filing: origin, import licence, inspection report. */
public record Certificate(
        @NotNull CertificateKind kind,
        @NotBlank @Size(max = 64) String number,
        @NotBlank @Size(max = 200) String issuer,
        @NotNull LocalDate issuedOn,
        LocalDate validUntil,
        @Size(max = 500) String uri) {
}
