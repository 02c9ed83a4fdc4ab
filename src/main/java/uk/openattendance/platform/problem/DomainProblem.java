package uk.openattendance.platform.problem;

import java.util.List;

/** A refusal a caller can act on: rendered as problem+json over REST and as extensions.code over GraphQL. */
public class DomainProblem extends RuntimeException {
    private final transient ProblemCode code;
    private final transient List<FieldError> errors;

    public DomainProblem(ProblemCode code, String detail, List<FieldError> errors) {
        super(detail);
        this.code = code;
        this.errors = List.copyOf(errors);
    }

    public DomainProblem(ProblemCode code, String detail) {
        this(code, detail, List.of());
    }

    public static DomainProblem field(ProblemCode code, String field, String expected) {
        return new DomainProblem(code, field + ": expected " + expected, List.of(new FieldError(field, expected)));
    }

    public ProblemCode code() {
        return code;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
