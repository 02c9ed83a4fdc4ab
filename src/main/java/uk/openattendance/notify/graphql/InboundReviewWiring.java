package uk.openattendance.notify.graphql;

import static uk.openattendance.security.graphql.GraphqlCaller.actor;
import static uk.openattendance.platform.graphql.GraphqlContext.id;

import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import uk.openattendance.notify.app.InboundTexts;
import uk.openattendance.notify.app.Suppressions;
import uk.openattendance.platform.graphql.Connections;
import uk.openattendance.platform.graphql.GraphqlWiring;

/**
 * The office's and the trust's review of texts, and the do-not-message list, over GraphQL: each field calls the same
 * InboundTexts or Suppressions method as its REST twin, with the same page bounds (first is at most 500, as size is).
 */
@Singleton
public class InboundReviewWiring implements GraphqlWiring {
    private final InboundTexts inbound;
    private final Suppressions suppressions;

    public InboundReviewWiring(InboundTexts inbound, Suppressions suppressions) {
        this.inbound = inbound;
        this.suppressions = suppressions;
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t
                .dataFetcher("trustInbound", env -> {
                    Connections.Window window = Connections.window(env);
                    long trust = id(env, "trustId");
                    String status = env.getArgument("status");
                    return Connections.counted(window, inbound.countOfTrust(actor(env), trust, status),
                            (page, size) -> inbound.ofTrust(actor(env), trust, status, page, size));
                })
                .dataFetcher("unmatched", env -> {
                    Connections.Window window = Connections.window(env);
                    return Connections.counted(window, inbound.countUnmatched(actor(env)), (page, size) -> inbound.unmatched(actor(env), page, size));
                })
                .dataFetcher("inboundMessage", env -> inbound.text(actor(env), id(env, "schoolId"), id(env, "id")))
                .dataFetcher("suppressions", env -> suppressions.list(actor(env), id(env, "schoolId"))));
        wiring.type("Mutation", t -> t
                .dataFetcher("resolveInbound", env -> inbound.resolve(actor(env), id(env, "schoolId"), id(env, "id"), env.getArgument("resolution")))
                .dataFetcher("resolveTrustInbound", env -> inbound.resolveForTrust(actor(env), id(env, "trustId"), id(env, "id"),
                        env.getArgument("resolution")))
                .dataFetcher("addSuppression", env -> suppressions.add(actor(env), id(env, "schoolId"),
                        new Suppressions.Suppress(env.getArgument("address"), env.getArgument("reason"))))
                .dataFetcher("removeSuppression", env -> {
                    suppressions.remove(actor(env), id(env, "schoolId"), env.getArgument("address"));
                    return true;
                }));
    }
}
