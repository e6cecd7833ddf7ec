package org.parkhub.validate;

import java.lang.annotation.Annotation;
import java.util.Comparator;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.parkhub.model.Code;

/**
 * Schema-level checks: the constraints declared on the canonical records (the same ones the published
 * schemas are generated from), reported with stable codes.
 */
public final class SchemaCheck {

    private static final Map<Class<? extends Annotation>, String> CODES = Map.ofEntries(
            Map.entry(NotNull.class, "REQUIRED"),
            Map.entry(NotBlank.class, "REQUIRED"),
            Map.entry(NotEmpty.class, "REQUIRED"),
            Map.entry(Size.class, "LENGTH"),
            Map.entry(Pattern.class, "FORMAT"),
            Map.entry(Digits.class, "DECIMAL_FORMAT"),
            Map.entry(DecimalMin.class, "RANGE"),
            Map.entry(Min.class, "RANGE"),
            Map.entry(Max.class, "RANGE"),
            Map.entry(Positive.class, "RANGE"),
            Map.entry(Code.class, "CODE_LIST"));

    private final Validator validator;

    public SchemaCheck() {
        ValidatorFactory factory = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory();
        validator = factory.getValidator();
    }

    public void check(Record payload, Findings findings) {
        validator.validate(payload).stream()
                .sorted(Comparator.comparing((ConstraintViolation<Record> v) -> v.getPropertyPath().toString())
                        .thenComparing(this::code))
                .forEach(v -> findings.error(path(v), code(v), message(v)));
    }

    private String code(ConstraintViolation<?> violation) {
        Class<? extends Annotation> type = violation.getConstraintDescriptor().getAnnotation().annotationType();
        return CODES.getOrDefault(type, "INVALID");
    }

    private static String message(ConstraintViolation<?> violation) {
        Annotation annotation = violation.getConstraintDescriptor().getAnnotation();
        if (annotation instanceof Code code) {
            return "'" + violation.getInvalidValue() + "' is not in the " + code.value().name().toLowerCase()
                    .replace('_', ' ') + " code list";
        }
        if (annotation instanceof Pattern pattern) {
            return "does not have the expected format " + pattern.regexp();
        }
        return violation.getMessage();
    }

    /** Bean Validation names container elements {@code lines[0].<list element>}; senders only need {@code lines[0]}. */
    private static String path(ConstraintViolation<?> violation) {
        return violation.getPropertyPath().toString().replace(".<list element>", "");
    }
}
