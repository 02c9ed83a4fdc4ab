package uk.openattendance.platform.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.validation.exceptions.ConstraintExceptionHandler;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolationException;
import uk.openattendance.platform.problem.DomainProblem;

/** Bean-validation failures at a service boundary become the same field errors REST and GraphQL both show. */
@Produces(ProblemJson.MEDIA_TYPE)
@Singleton
@Replaces(ConstraintExceptionHandler.class)
public class ConstraintViolationHandler implements ExceptionHandler<ConstraintViolationException, HttpResponse<ProblemJson>> {
    private final DomainProblemHandler domainProblems;

    public ConstraintViolationHandler(DomainProblemHandler domainProblems) {
        this.domainProblems = domainProblems;
    }

    @Override
    public HttpResponse<ProblemJson> handle(HttpRequest request, ConstraintViolationException exception) {
        DomainProblem problem = Violations.toProblem(exception);
        return domainProblems.handle(request, problem);
    }
}
