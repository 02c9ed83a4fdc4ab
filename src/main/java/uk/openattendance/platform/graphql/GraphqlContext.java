package uk.openattendance.platform.graphql;

import graphql.schema.DataFetchingEnvironment;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import uk.openattendance.platform.problem.CommonProblem;
import uk.openattendance.platform.problem.DomainProblem;

/** Reads arguments inside data fetchers; the caller is read with security's {@code GraphqlCaller}. */
public final class GraphqlContext {
    private GraphqlContext() {}

    public static long id(DataFetchingEnvironment env, String name) {
        Object value = env.getArgument(name);
        try {
            return Long.parseLong(String.valueOf(value));
        } catch (NumberFormatException e) {
            throw DomainProblem.field(CommonProblem.VALIDATION_FAILED, name, "a numeric id");
        }
    }

    public static Optional<Long> optionalId(DataFetchingEnvironment env, String name) {
        return env.getArgument(name) == null ? Optional.empty() : Optional.of(id(env, name));
    }

    /** A YYYY-MM-DD argument, or null when absent; anything else is refused naming the argument. */
    public static LocalDate date(DataFetchingEnvironment env, String name) {
        Object value = env.getArgument(name);
        return date(value, name);
    }

    /** A YYYY-MM-DD value from an input object, or null; {@code field} names it in the error (e.g. request.firstDate). */
    public static LocalDate date(Object value, String field) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(String.valueOf(value));
        } catch (DateTimeParseException e) {
            throw DomainProblem.field(CommonProblem.VALIDATION_FAILED, field, "a date as YYYY-MM-DD, not '" + value + "'");
        }
    }

    /** A list of numeric ids; anything else is refused naming the argument. */
    public static List<Long> ids(DataFetchingEnvironment env, String name) {
        List<?> values = env.getArgument(name);
        try {
            return values == null ? List.of() : values.stream().map(v -> Long.valueOf(String.valueOf(v))).toList();
        } catch (NumberFormatException e) {
            throw DomainProblem.field(CommonProblem.VALIDATION_FAILED, name, "numeric ids");
        }
    }

    public static int intArg(DataFetchingEnvironment env, String name, int fallback) {
        Integer value = env.getArgument(name);
        return value == null ? fallback : value;
    }
}
