package org.parkhub.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What makes two messages of a type the same business document, declared on the type beside its constraints: the
 * fields whose values, together, name one document (an order is its platform's code and its number). Two arrivals
 * with the same identity are the same document: the same content again is a duplicate, other content a revision.
 * Published in the type's JSON Schema as {@code x-parkhub-identity}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface DocumentIdentity {

    /** The identity's fields, in the order they are joined (with {@code :}) to name the document. */
    String[] value();

    /** Why these fields, where the type has no single natural key. */
    String why() default "";
}
