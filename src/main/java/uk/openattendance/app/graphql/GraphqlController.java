package uk.openattendance.app.graphql;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.List;
import java.util.Map;
import org.dataloader.DataLoaderRegistry;
import uk.openattendance.platform.graphql.RequestProblems;
import uk.openattendance.platform.web.ProblemResponses;
import uk.openattendance.security.Actor;
import uk.openattendance.security.ActorResolver;
import uk.openattendance.security.graphql.CallerDataLoaders;
import uk.openattendance.security.graphql.GraphqlCaller;

/**
 * POST /graphql, assembled above the features (it resolves the caller with security). Runs on the blocking pool (fetchers do JDBC), with a fresh DataLoader registry per execution so
 * batches never mix callers, and the caller's {@link Actor} in the context for the services' tenancy checks.
 */
@ProblemResponses
@Controller("/graphql")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Hidden
public class GraphqlController {
    private final GraphQL graphQL;
    private final List<CallerDataLoaders> wirings;
    private final ActorResolver actors;

    public GraphqlController(GraphQL graphQL, List<CallerDataLoaders> wirings, ActorResolver actors) {
        this.graphQL = graphQL;
        this.wirings = wirings;
        this.actors = actors;
    }

    public record GraphqlRequest(String query, @Nullable String operationName, @Nullable Map<String, Object> variables) {}

    @Post
    public Map<String, Object> executeGraphql(Authentication auth, @Body GraphqlRequest request) {
        Actor actor = actors.resolve(auth.getName());
        DataLoaderRegistry loaders = new DataLoaderRegistry();
        wirings.forEach(w -> w.registerLoaders(loaders, actor));
        ExecutionInput input = ExecutionInput.newExecutionInput()
                .query(request.query() == null ? "" : request.query())
                .operationName(request.operationName())
                .variables(request.variables() == null ? Map.of() : request.variables())
                .graphQLContext(Map.of(GraphqlCaller.ACTOR, actor))
                .dataLoaderRegistry(loaders)
                .build();
        ExecutionResult result = RequestProblems.withCodes(graphQL.execute(input));
        return result.toSpecification();
    }
}
