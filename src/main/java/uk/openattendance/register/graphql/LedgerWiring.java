package uk.openattendance.register.graphql;

import static uk.openattendance.security.graphql.GraphqlCaller.actor;
import static uk.openattendance.platform.graphql.GraphqlContext.id;
import static uk.openattendance.platform.graphql.GraphqlContext.instant;

import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import uk.openattendance.platform.graphql.Connections;
import uk.openattendance.platform.graphql.GraphqlWiring;
import uk.openattendance.platform.paging.PageRequest;
import uk.openattendance.register.app.HistoryService;
import uk.openattendance.register.app.LedgerSeals;
import uk.openattendance.register.app.MarkFeed;

/**
 * The register's tamper-evident history and the marks feed over GraphQL: each field calls the HistoryService,
 * LedgerSeals or MarkFeed method its REST twin calls. A seal document stays a REST download: it is a signed file.
 */
@Singleton
public class LedgerWiring implements GraphqlWiring {
    private final HistoryService history;
    private final LedgerSeals seals;
    private final MarkFeed feed;

    public LedgerWiring(HistoryService history, LedgerSeals seals, MarkFeed feed) {
        this.history = history;
        this.seals = seals;
        this.feed = feed;
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t
                .dataFetcher("verifyPupilHistory", env -> history.verifyPupil(actor(env), id(env, "schoolId"), id(env, "pupilId")))
                .dataFetcher("verifySchoolHistory", env -> history.verifySchool(actor(env), id(env, "schoolId")))
                .dataFetcher("ledgerSeals", env -> {
                    Connections.Window window = Connections.window(env);
                    long school = id(env, "schoolId");
                    return Connections.counted(window, seals.count(actor(env), school), (page, size) -> seals.list(actor(env), school, new PageRequest(page, size)));
                })
                .dataFetcher("ledgerSealKey", env -> seals.publicKey())
                .dataFetcher("markChanges", env -> feed.markChanges(actor(env), id(env, "schoolId"), env.getArgument("cursor"), instant(env, "updatedSince"),
                        env.getArgument("size"))));
    }
}
