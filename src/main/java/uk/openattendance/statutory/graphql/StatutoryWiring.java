package uk.openattendance.statutory.graphql;

import static uk.openattendance.platform.graphql.GraphqlContext.date;
import static uk.openattendance.platform.graphql.GraphqlContext.id;
import static uk.openattendance.security.graphql.GraphqlCaller.actor;

import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import uk.openattendance.platform.graphql.GraphqlWiring;
import uk.openattendance.statutory.app.PenaltyNoticeMonitor;
import uk.openattendance.statutory.app.StatutoryPrompts;
import uk.openattendance.statutory.app.StatutoryViews.RecordPenaltyNotice;
import uk.openattendance.statutory.app.StatutoryViews.RecordReturnMade;
import uk.openattendance.statutory.app.StatutoryViews.ReturnKind;

/** Penalty-notice considerations and local-authority returns over GraphQL: each calls the same service method as its REST twin. */
@Singleton
public class StatutoryWiring implements GraphqlWiring {
    private final StatutoryPrompts prompts;
    private final PenaltyNoticeMonitor monitor;

    public StatutoryWiring(StatutoryPrompts prompts, PenaltyNoticeMonitor monitor) {
        this.prompts = prompts;
        this.monitor = monitor;
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t
                .dataFetcher("penaltyNoticeMonitor", env -> monitor.penaltyNoticeMonitor(actor(env), id(env, "schoolId"),
                        env.getArgument("asOf") == null ? null : date(env, "asOf")))
                .dataFetcher("penaltyNoticeConsiderations", env -> prompts.penaltyNoticeConsiderations(actor(env), id(env, "schoolId"), date(env, "asOf")))
                .dataFetcher("pupilPenaltyNotices", env -> prompts.penaltyNoticesOfPupil(actor(env), id(env, "schoolId"), id(env, "pupilId")))
                .dataFetcher("localAuthorityReturnsDue", env -> prompts.localAuthorityReturnsDue(actor(env), id(env, "schoolId"), date(env, "asOf"))));
        wiring.type("Mutation", t -> t
                .dataFetcher("recordPenaltyNotice", env -> prompts.recordPenaltyNotice(actor(env), id(env, "schoolId"), new RecordPenaltyNotice(
                        id(env, "pupilId"), id(env, "contactId"), date(env, "issuedOn"), env.getArgument("reference"), env.getArgument("note"))))
                .dataFetcher("recordLocalAuthorityReturnMade", env -> prompts.recordReturnMade(actor(env), id(env, "schoolId"), new RecordReturnMade(
                        id(env, "pupilId"), ReturnKind.valueOf(env.getArgument("kind")), env.getArgument("triggerKey"), date(env, "madeOn"),
                        env.getArgument("reference")))));
    }
}
