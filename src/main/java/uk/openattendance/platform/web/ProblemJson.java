package uk.openattendance.platform.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.openattendance.platform.problem.DomainProblem;
import uk.openattendance.platform.problem.FieldError;

/** RFC 9457 problem details, plus the machine-readable code and the field errors. */
public record ProblemJson(
        String type, String title, int status, String detail, String instance, String code, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** The one mapping from a domain refusal: REST writes it as the body, GraphQL as an error's extensions. */
    public static ProblemJson of(DomainProblem problem, String instance) {
        return new ProblemJson(typeFor(problem.code().name()), problem.code().title(), problem.code().status(), problem.getMessage(), instance,
                problem.code().name(), problem.errors());
    }

    /** The members GraphQL puts in extensions: the same names and values as the REST body, without instance (GraphQL has path). */
    public Map<String, Object> asExtensions() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("code", code);
        out.put("status", status);
        out.put("type", type);
        out.put("title", title);
        out.put("detail", detail);
        out.put("errors", errors.stream().map(e -> Map.of("field", e.field(), "expected", e.expected())).toList());
        return out;
    }

    public static String typeFor(String code) {
        return "urn:openattendance:problem:" + code.toLowerCase().replace('_', '-');
    }
}
