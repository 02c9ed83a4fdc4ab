package uk.openattendance.schedule.graphql;

import static uk.openattendance.security.graphql.GraphqlCaller.actor;
import static uk.openattendance.platform.graphql.GraphqlContext.date;
import static uk.openattendance.platform.graphql.GraphqlContext.id;

import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import uk.openattendance.platform.graphql.GraphqlWiring;
import uk.openattendance.schedule.app.Scheduler;

/** A school's scheduled jobs over GraphQL: the same Scheduler methods as the REST twins. */
@Singleton
public class JobWiring implements GraphqlWiring {
    private final Scheduler scheduler;

    public JobWiring(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t.dataFetcher("jobs", env -> {
            LocalDate from = date(env, "from");
            LocalDate to = date(env, "to");
            return scheduler.jobs(actor(env), id(env, "schoolId"), from, to == null ? from : to);
        }));
        wiring.type("Mutation", t -> t.dataFetcher("rerunJob", env -> scheduler.rerun(actor(env), id(env, "schoolId"), id(env, "jobId"))));
    }
}
