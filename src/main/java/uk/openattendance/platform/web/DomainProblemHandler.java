package uk.openattendance.platform.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import uk.openattendance.platform.problem.DomainProblem;
import uk.openattendance.platform.problem.RetryLater;

@Produces(ProblemJson.MEDIA_TYPE)
@Singleton
@Requires(classes = {DomainProblem.class, ExceptionHandler.class})
public class DomainProblemHandler implements ExceptionHandler<DomainProblem, HttpResponse<ProblemJson>> {

    @Override
    public HttpResponse<ProblemJson> handle(HttpRequest request, DomainProblem problem) {
        ProblemJson body = ProblemJson.of(problem, request.getPath());
        var response = HttpResponse.<ProblemJson>status(HttpStatus.valueOf(problem.code().status()))
                .body(body)
                .contentType(ProblemJson.MEDIA_TYPE);
        if (problem instanceof RetryLater later) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(later.retryAfterSeconds()));
        }
        return response;
    }
}
