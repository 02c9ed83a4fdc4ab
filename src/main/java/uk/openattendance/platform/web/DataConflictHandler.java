package uk.openattendance.platform.web;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.openattendance.platform.db.Conflicts;
import uk.openattendance.platform.problem.CommonProblem;
import uk.openattendance.platform.problem.DomainProblem;

/** A race the database settled (unique key, version, deadlock) is the caller's 409; any other database failure stays ours. */
@Produces(ProblemJson.MEDIA_TYPE)
@Singleton
public class DataConflictHandler implements ExceptionHandler<DataAccessException, HttpResponse<ProblemJson>> {
    private static final Logger LOG = LoggerFactory.getLogger(DataConflictHandler.class);
    private final DomainProblemHandler domainProblems;

    public DataConflictHandler(DomainProblemHandler domainProblems) {
        this.domainProblems = domainProblems;
    }

    @Override
    public HttpResponse<ProblemJson> handle(HttpRequest request, DataAccessException exception) {
        DomainProblem problem = Conflicts.toProblem(exception).orElseGet(() -> {
            LOG.error("Database failure at {} {}", request.getMethod(), request.getPath(), exception);
            return new DomainProblem(CommonProblem.INTERNAL, "The request failed on our side; quote the X-Request-Id header when reporting it");
        });
        return domainProblems.handle(request, problem);
    }
}
