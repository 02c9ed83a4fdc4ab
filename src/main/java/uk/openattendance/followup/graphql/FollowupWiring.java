package uk.openattendance.followup.graphql;

import static uk.openattendance.platform.graphql.GraphqlContext.date;
import static uk.openattendance.platform.graphql.GraphqlContext.id;
import static uk.openattendance.security.graphql.GraphqlCaller.actor;

import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import uk.openattendance.followup.app.CallListService;
import uk.openattendance.followup.domain.CallOutcome;
import uk.openattendance.followup.app.LogCall;
import uk.openattendance.followup.app.MarkSafe;
import uk.openattendance.platform.graphql.GraphqlWiring;

/** The call list and its outcomes over GraphQL: each calls the same service method as its REST twin. */
@Singleton
public class FollowupWiring implements GraphqlWiring {
    private final CallListService calls;

    public FollowupWiring(CallListService calls) {
        this.calls = calls;
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t
                .dataFetcher("callList", env -> calls.callList(actor(env), id(env, "schoolId"), date(env, "date"))));
        wiring.type("Mutation", t -> t
                .dataFetcher("logCall", env -> calls.logCall(actor(env), id(env, "schoolId"), id(env, "caseId"), new LogCall(
                        env.getArgument("contactId") == null ? null : id(env, "contactId"), CallOutcome.valueOf(env.getArgument("outcome")),
                        env.getArgument("note"))))
                .dataFetcher("markSafe", env -> calls.markSafe(actor(env), id(env, "schoolId"), id(env, "caseId"),
                        new MarkSafe(env.getArgument("note"), env.getArgument("version") == null ? null : env.<Integer>getArgument("version").longValue()))));
    }
}
