package org.parkhub.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * One thing the customs pre-check found, as a {@code precheck-result} carries it: a rule's stable code, whether customs
 * would reject the declaration for it, what is wrong in words, and one pair of fields that disagree with both values.
 * A finding about several pairs of fields is one entry per pair, with the same rule and message, so that the result
 * keeps one row per entry in CSV.
 */
public record PrecheckFinding(
        @NotBlank @Size(max = 20) @Pattern(regexp = "^[0-9A-Z_-]+$") String rule,
        @NotNull Severity severity,
        @NotBlank @Size(max = 500) String message,
        @Size(max = 100) String field,
        @Size(max = 1000) String value,
        @Size(max = 100) String otherField,
        @Size(max = 1000) String otherValue) {

    /** An error makes customs reject the declaration; a warning does not. */
    public enum Severity { ERROR, WARNING }
}
