package uk.openattendance.platform.graphql;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.openattendance.platform.problem.CommonProblem;
import uk.openattendance.platform.problem.DomainProblem;
import uk.openattendance.platform.web.ProblemJson;

/**
 * Errors graphql-java raises before any fetcher runs (a date that is not YYYY-MM-DD, an unknown field, a query too
 * deep) carry the same extensions as a refusal from a service: a client reads one shape, as it does from REST.
 */
public final class RequestProblems {
    private static final Pattern ARGUMENT = Pattern.compile("argument '([\\w.]+)'");
    private static final Pattern VARIABLE = Pattern.compile("[Vv]ariable '([\\w.]+)'");
    private static final Pattern EXPECTED = Pattern.compile("is not a valid '(\\w+)'");

    private RequestProblems() {}

    public static ExecutionResult withCodes(ExecutionResult result) {
        if (result.getErrors().isEmpty() || result.getErrors().stream().allMatch(e -> hasCode(e))) {
            return result;
        }
        List<GraphQLError> errors = result.getErrors().stream().map(e -> hasCode(e) ? e : coded(e)).toList();
        return result.transform(b -> b.errors(errors));
    }

    private static boolean hasCode(GraphQLError e) {
        return e.getExtensions() != null && e.getExtensions().containsKey("code");
    }

    private static GraphQLError coded(GraphQLError e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        String field = find(ARGUMENT, message);
        if (field == null) {
            field = find(VARIABLE, message);
        }
        String type = find(EXPECTED, message);
        DomainProblem problem = field == null
                ? new DomainProblem(CommonProblem.VALIDATION_FAILED, message)
                : new DomainProblem(CommonProblem.VALIDATION_FAILED, message, List.of(new uk.openattendance.platform.problem.FieldError(field,
                        type == null ? "a value of the type the schema declares" : expectedFor(type))));
        Map<String, Object> extensions = new LinkedHashMap<>(e.getExtensions() == null ? Map.of() : e.getExtensions());
        extensions.putAll(ProblemJson.of(problem, null).asExtensions());
        return GraphqlErrorBuilder.newError().message(message).locations(e.getLocations()).path(e.getPath()).errorType(e.getErrorType())
                .extensions(extensions).build();
    }

    private static String expectedFor(String type) {
        return switch (type) {
            case "Date" -> "a date as YYYY-MM-DD";
            case "DateTime" -> "a date-time as RFC 3339, e.g. 2026-11-23T08:52:10Z";
            case "LocalTime" -> "a time as HH:MM";
            default -> "a valid " + type;
        };
    }

    private static String find(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? m.group(1) : null;
    }
}
