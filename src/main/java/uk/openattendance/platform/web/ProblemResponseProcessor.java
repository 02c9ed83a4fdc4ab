package uk.openattendance.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.bind.exceptions.UnsatisfiedArgumentException;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.json.JsonSyntaxException;
import io.micronaut.web.router.exceptions.UnsatisfiedBodyRouteException;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.stream.Collectors;
import uk.openattendance.platform.problem.CommonProblem;
import uk.openattendance.platform.problem.FieldError;

/**
 * Every error Micronaut itself produces (bad JSON, wrong types, missing arguments, unknown routes, 401/403/413)
 * leaves as problem+json naming the field and what was expected, never as Micronaut's own error shape.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public class ProblemResponseProcessor implements ErrorResponseProcessor<ProblemJson> {

    @Override
    @SuppressWarnings("unchecked")
    public MutableHttpResponse<ProblemJson> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        if (context.getRequest().getMethod() == HttpMethod.HEAD) {
            return (MutableHttpResponse<ProblemJson>) response;
        }
        Throwable cause = context.getRootCause().orElse(null);
        ProblemJson problem = fromCause(cause, response.code(), context);
        return ((MutableHttpResponse<ProblemJson>) response)
                .status(problem.status())
                .body(problem)
                .contentType(ProblemJson.MEDIA_TYPE);
    }

    private ProblemJson fromCause(Throwable cause, int status, ErrorContext context) {
        String path = context.getRequest().getPath();
        if (cause instanceof ConversionErrorException e
                && (e.getConversionError().getCause() instanceof JsonProcessingException || e.getConversionError().getCause() instanceof JsonSyntaxException)) {
            return fromCause(e.getConversionError().getCause(), status, context);
        }
        if (cause instanceof JsonSyntaxException e) {
            return of(CommonProblem.MALFORMED_REQUEST, path, "The body is not valid JSON: " + (e.getCause() instanceof JsonProcessingException json
                    ? json.getOriginalMessage() : e.getMessage()), new FieldError("body", "a JSON object"));
        }
        if (cause instanceof UnrecognizedPropertyException e) {
            String field = fieldPath(e);
            return of(CommonProblem.VALIDATION_FAILED, path, field + " is not a field of this request",
                    new FieldError(field, "no such field; known fields are " + e.getKnownPropertyIds()));
        }
        if (cause instanceof InvalidFormatException e) {
            String field = fieldPath(e);
            return of(CommonProblem.VALIDATION_FAILED, path, field + " has a value of the wrong form",
                    new FieldError(field, ExpectedType.describe(e.getTargetType())));
        }
        if (cause instanceof MismatchedInputException e && !e.getPath().isEmpty()) {
            String field = fieldPath(e);
            return of(CommonProblem.VALIDATION_FAILED, path, field + " has a value of the wrong type",
                    new FieldError(field, ExpectedType.describe(e.getTargetType())));
        }
        if (cause instanceof MismatchedInputException e && e.getPath().isEmpty()) {
            return of(CommonProblem.VALIDATION_FAILED, path, "The body must be a JSON object with the documented fields",
                    new FieldError("body", "a JSON object"));
        }
        if (cause instanceof JsonMappingException e && !e.getPath().isEmpty()) {
            String field = fieldPath(e);
            String reason = e.getCause() != null ? e.getCause().getMessage() : e.getOriginalMessage();
            return of(CommonProblem.VALIDATION_FAILED, path, field + ": " + reason, new FieldError(field, reason));
        }
        if (cause instanceof JsonProcessingException e) {
            return of(CommonProblem.MALFORMED_REQUEST, path,
                    "The body is not valid JSON: " + e.getOriginalMessage(), new FieldError("body", "a JSON object"));
        }
        if (cause instanceof ConversionErrorException e) {
            String field = e.getArgument().getName();
            return of(CommonProblem.VALIDATION_FAILED, path, field + " could not be read",
                    new FieldError(field, ExpectedType.describe(e.getArgument().getType())));
        }
        if (cause instanceof UnsatisfiedArgumentException e) {
            String field = e.getArgument().getName();
            String expected = "body".equals(field) || e.getArgument().getAnnotationMetadata().hasAnnotation(io.micronaut.http.annotation.Body.class)
                    ? "a JSON body" : ExpectedType.describe(e.getArgument().getType());
            return of(CommonProblem.VALIDATION_FAILED, path, field + " is required", new FieldError(field, expected));
        }
        if (cause instanceof UnsatisfiedBodyRouteException) {
            return of(CommonProblem.VALIDATION_FAILED, path, "The body must be a JSON object with the documented fields",
                    new FieldError("body", "a JSON object"));
        }
        if (cause instanceof UnsatisfiedRouteException e) {
            String field = e.getArgument().getName();
            return of(CommonProblem.VALIDATION_FAILED, path, field + " is required", new FieldError(field, ExpectedType.describe(e.getArgument().getType())));
        }
        return byStatus(status, path, context);
    }

    private ProblemJson byStatus(int status, String path, ErrorContext context) {
        String messages = context.getErrors().stream().map(e -> e.getMessage()).collect(Collectors.joining("; "));
        return switch (status) {
            case 401 -> of(CommonProblem.NOT_AUTHENTICATED, path, "Send a bearer token from /api/v1/auth/login or an X-Api-Key header");
            case 403 -> of(CommonProblem.FORBIDDEN, path, "Your role does not allow this");
            case 404 -> of(CommonProblem.NOT_FOUND, path, "Nothing is found at " + path);
            case 405 -> of(CommonProblem.METHOD_NOT_ALLOWED, path, messages.isEmpty() ? "Method not allowed at " + path : messages);
            case 413 -> of(CommonProblem.PAYLOAD_TOO_LARGE, path, "The body is larger than this endpoint accepts",
                    new FieldError("body", "at most the documented size"));
            case 415 -> of(CommonProblem.UNSUPPORTED_MEDIA_TYPE, path, "Send the body as application/json");
            default -> status >= 500
                    ? of(CommonProblem.INTERNAL, path, "The request failed on our side; quote the X-Request-Id header when reporting it")
                    : new ProblemJson(ProblemJson.typeFor(CommonProblem.VALIDATION_FAILED.name()), "Bad request", status,
                            messages.isEmpty() ? "The request could not be processed" : messages, path,
                            CommonProblem.VALIDATION_FAILED.name(), List.of());
        };
    }

    private static String fieldPath(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "body" : sb.toString();
    }

    static ProblemJson of(CommonProblem code, String path, String detail, FieldError... errors) {
        return new ProblemJson(ProblemJson.typeFor(code.name()), code.title(), code.status(), detail, path, code.name(), List.of(errors));
    }
}
