package uk.openattendance.roll.graphql;

import static uk.openattendance.security.graphql.GraphqlCaller.actor;
import static uk.openattendance.platform.graphql.GraphqlContext.id;
import static uk.openattendance.platform.graphql.GraphqlContext.instant;

import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.schema.idl.RuntimeWiring;
import java.util.Map;
import jakarta.inject.Singleton;
import uk.openattendance.platform.graphql.GraphqlContext;
import uk.openattendance.platform.graphql.GraphqlWiring;
import uk.openattendance.roll.app.RollSync;

/** An MIS's bulk upserts and change feeds over GraphQL: the same RollSync methods, cursors and all-or-nothing rules as REST. */
@Singleton
public class RollSyncWiring implements GraphqlWiring {
    private final RollSync sync;
    private final ObjectMapper json;

    public RollSyncWiring(RollSync sync, ObjectMapper json) {
        this.sync = sync;
        this.json = json;
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t
                .dataFetcher("pupilChanges", env -> sync.pupilChanges(actor(env), id(env, "schoolId"), env.getArgument("cursor"), instant(env, "updatedSince"),
                        env.getArgument("size")))
                .dataFetcher("contactChanges", env -> sync.contactChanges(actor(env), id(env, "schoolId"), env.getArgument("cursor"),
                        instant(env, "updatedSince"), env.getArgument("size"))));
        wiring.type("Mutation", t -> t
                .dataFetcher("upsertPupils", env -> sync.upsertPupils(actor(env), id(env, "schoolId"),
                        GraphqlContext.convert(Map.of("pupils", env.getArgument("pupils")), "pupils", json, RollSync.UpsertPupils.class)))
                .dataFetcher("upsertContacts", env -> sync.upsertContacts(actor(env), id(env, "schoolId"),
                        GraphqlContext.convert(Map.of("contacts", env.getArgument("contacts")), "contacts", json, RollSync.UpsertContacts.class))));
        wiring.type("Upserted", t -> t.dataFetcher("ids", env -> env.<RollSync.Upserted>getSource().ids().entrySet().stream()
                .map(e -> Map.of("externalId", e.getKey(), "id", e.getValue())).toList()));
    }
}
