package org.parkhub.precheck;

import java.util.List;

import org.parkhub.model.PrecheckFinding.Severity;

/**
 * What the pre-check found about a transaction: a rule's stable code ({@code 3DOC-2}), what is wrong in words, and the
 * fields that disagree, each with both values. A warning does not stop a declaration; an error would make customs
 * reject it.
 */
public record Finding(String rule, Severity severity, String message, List<Disagreement> fields) {

    /** Two fields that should agree, with the values they hold (as written, before folding). */
    public record Disagreement(String field, String value, String otherField, String otherValue) {
    }

    public Finding {
        fields = List.copyOf(fields);
    }

    static Finding error(String rule, String message, Disagreement... fields) {
        return new Finding(rule, Severity.ERROR, message, List.of(fields));
    }

    static Finding warning(String rule, String message, Disagreement... fields) {
        return new Finding(rule, Severity.WARNING, message, List.of(fields));
    }
}
