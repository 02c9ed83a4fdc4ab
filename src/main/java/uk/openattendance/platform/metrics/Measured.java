package uk.openattendance.platform.metrics;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import io.micronaut.aop.Around;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Times the method as the Micrometer timer named {@link #value()}, with an {@code outcome} of {@code ok},
 * {@code refused} (a {@code DomainProblem}: the caller's input or a conflict) or {@code error}. The application service
 * keeps no metrics code of its own, and REST and GraphQL callers are timed alike.
 */
@Documented
@Retention(RUNTIME)
@Target(METHOD)
@Around
public @interface Measured {
    String value();

    String description() default "";
}
