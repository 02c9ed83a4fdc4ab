package uk.openattendance.platform.graphql;

import graphql.ErrorClassification;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerParameters;
import graphql.execution.DataFetcherExceptionHandlerResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.openattendance.platform.problem.CommonProblem;
import uk.openattendance.platform.problem.DomainProblem;
import uk.openattendance.platform.web.ProblemJson;

/** The same codes REST puts in problem+json, in extensions.code; unexpected failures never leak their message. */
final class ProblemExceptionHandler implements DataFetcherExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    @Override
    public CompletableFuture<DataFetcherExceptionHandlerResult> handleException(DataFetcherExceptionHandlerParameters params) {
        Throwable error = params.getException();
        if (error instanceof jakarta.validation.ConstraintViolationException violations) {
            error = uk.openattendance.platform.web.Violations.toProblem(violations);
        }
        var raced = uk.openattendance.platform.db.Conflicts.toProblem(error);
        if (raced.isPresent()) {
            error = raced.get();
        }
        Map<String, Object> extensions = new LinkedHashMap<>();
        String message;
        if (error instanceof DomainProblem problem) {
            extensions.putAll(ProblemJson.of(problem, null).asExtensions());
            message = problem.getMessage();
        } else {
            LOG.error("GraphQL data fetcher failed at {}", params.getPath(), error);
            message = "The request failed on our side; quote the X-Request-Id header when reporting it";
            extensions.putAll(ProblemJson.of(new DomainProblem(CommonProblem.INTERNAL, message), null).asExtensions());
        }
        var graphqlError = GraphqlErrorBuilder.newError(params.getDataFetchingEnvironment())
                .message(message).extensions(extensions).errorType(ErrorClassification.errorClassification(String.valueOf(extensions.get("code")))).build();
        return CompletableFuture.completedFuture(DataFetcherExceptionHandlerResult.newResult(graphqlError).build());
    }
}
