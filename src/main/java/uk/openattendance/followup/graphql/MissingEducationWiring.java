package uk.openattendance.followup.graphql;

import static uk.openattendance.security.graphql.GraphqlCaller.actor;
import static uk.openattendance.platform.graphql.GraphqlContext.id;

import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import uk.openattendance.followup.app.MissingEducationFlags;
import uk.openattendance.platform.graphql.GraphqlWiring;

/** Possible children missing education over GraphQL: the same MissingEducationFlags method as its REST twin. */
@Singleton
public class MissingEducationWiring implements GraphqlWiring {
    private final MissingEducationFlags flags;

    public MissingEducationWiring(MissingEducationFlags flags) {
        this.flags = flags;
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t.dataFetcher("missingEducationFlags", env -> flags.flags(actor(env), id(env, "schoolId"))));
    }
}
