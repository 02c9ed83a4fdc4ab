package uk.openattendance.platform.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import uk.openattendance.platform.problem.CommonProblem;
import uk.openattendance.platform.problem.DomainProblem;
import uk.openattendance.platform.problem.FieldError;

/** Turns a method-validation path such as {@code createPupil.command.upn} into the field a caller sent: {@code upn}. */
public final class Violations {
    private Violations() {}

    public static DomainProblem toProblem(ConstraintViolationException exception) {
        List<FieldError> errors = exception.getConstraintViolations().stream()
                .map(v -> new FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        String detail = errors.stream().map(e -> e.field() + ": " + e.expected()).collect(Collectors.joining("; "));
        return new DomainProblem(CommonProblem.VALIDATION_FAILED, detail, errors);
    }

    private static String field(ConstraintViolation<?> violation) {
        List<String> parts = new ArrayList<>();
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, PARAMETER, RETURN_VALUE, CROSS_PARAMETER -> parts.clear();
                // an element of a list or set: "scopes[0]" where it has an index, else the list itself ("<list element>" is Java's name)
                case CONTAINER_ELEMENT -> {
                    if (node.getIndex() != null && !parts.isEmpty()) {
                        parts.set(parts.size() - 1, parts.get(parts.size() - 1) + "[" + node.getIndex() + "]");
                    }
                }
                default -> {
                    String name = node.getName();
                    if (node.getIndex() != null) {
                        name = (name == null ? "" : name) + "[" + node.getIndex() + "]";
                    }
                    if (name != null && !name.isEmpty()) {
                        parts.add(name);
                    }
                }
            }
        }
        return parts.isEmpty() ? "body" : String.join(".", parts);
    }
}
