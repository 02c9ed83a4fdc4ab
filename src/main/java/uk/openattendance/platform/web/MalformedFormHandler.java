package uk.openattendance.platform.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import jakarta.inject.Singleton;
import uk.openattendance.platform.problem.CommonProblem;
import uk.openattendance.platform.problem.DomainProblem;
import uk.openattendance.platform.problem.FieldError;

/**
 * A form body that cannot be decoded (a stray {@code %}, bytes that are not UTF-8) is refused as unreadable while the
 * body is bound, before any controller (and so before the Twilio signature check) runs.
 */
@Produces(ProblemJson.MEDIA_TYPE)
@Singleton
public class MalformedFormHandler implements ExceptionHandler<HttpPostRequestDecoder.ErrorDataDecoderException, HttpResponse<ProblemJson>> {
    private final DomainProblemHandler domainProblems;

    public MalformedFormHandler(DomainProblemHandler domainProblems) {
        this.domainProblems = domainProblems;
    }

    @Override
    public HttpResponse<ProblemJson> handle(HttpRequest request, HttpPostRequestDecoder.ErrorDataDecoderException exception) {
        return domainProblems.handle(request, new DomainProblem(CommonProblem.MALFORMED_REQUEST,
                "The form body could not be decoded: " + exception.getMessage(),
                java.util.List.of(new FieldError("body", "an application/x-www-form-urlencoded form with valid %-escapes"))));
    }
}
