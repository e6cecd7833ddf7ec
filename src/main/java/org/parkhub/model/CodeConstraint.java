package org.parkhub.model;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Bean Validation side of {@link Code}. */
public class CodeConstraint implements ConstraintValidator<Code, String> {

    private CodeList list;

    @Override
    public void initialize(Code annotation) {
        list = annotation.value();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || list.contains(value);
    }
}
