package org.parkhub.model;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/** The value must be a code of the given code list (null is left to {@code @NotNull}). */
@Documented
@Constraint(validatedBy = CodeConstraint.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface Code {

    CodeList value();

    String message() default "not in the code list";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
