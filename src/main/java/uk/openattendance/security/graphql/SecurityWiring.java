package uk.openattendance.security.graphql;

import static uk.openattendance.security.graphql.GraphqlCaller.actor;
import static uk.openattendance.platform.graphql.GraphqlContext.id;
import static uk.openattendance.platform.graphql.GraphqlContext.optionalId;

import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.openattendance.platform.graphql.GraphqlWiring;
import uk.openattendance.security.Actor;
import uk.openattendance.security.CreateApiClient;
import uk.openattendance.security.Permission;
import uk.openattendance.security.StaffService;

/**
 * The caller, and staff and API-client administration, over GraphQL: each field calls the StaffService method its
 * REST twin calls. Creating staff is REST-only: it carries a password.
 */
@Singleton
public class SecurityWiring implements GraphqlWiring {
    private final StaffService staff;

    public SecurityWiring(StaffService staff) {
        this.staff = staff;
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        // GET /me answers the resolved Actor itself; so does this field
        wiring.type("Query", t -> t.dataFetcher("me", env -> actor(env)));
        wiring.type("Me", t -> t.dataFetcher("schools", env -> env.<Actor>getSource().schools().entrySet().stream()
                .map(e -> Map.of("schoolId", e.getKey(), "roleTitle", e.getValue().roleTitle(), "permissions", List.copyOf(e.getValue().permissions())))
                .toList()));
        wiring.type("Mutation", t -> t
                .dataFetcher("createApiClient", env -> {
                    Set<Permission> scopes = new LinkedHashSet<>();
                    env.<List<String>>getArgument("scopes").forEach(s -> scopes.add(Permission.valueOf(s)));
                    return staff.createApiClient(actor(env), new CreateApiClient(env.getArgument("name"), optionalId(env, "schoolId").orElse(null),
                            optionalId(env, "trustId").orElse(null), scopes));
                })
                .dataFetcher("revokeApiClient", env -> {
                    staff.revokeApiClient(actor(env), id(env, "clientId"));
                    return true;
                })
                .dataFetcher("removeStaff", env -> {
                    staff.removeStaff(actor(env), id(env, "staffId"));
                    return true;
                }));
    }
}
