package uk.openattendance.school.graphql;

import static uk.openattendance.platform.graphql.GraphqlContext.id;
import static uk.openattendance.security.graphql.GraphqlCaller.actor;

import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderRegistry;
import uk.openattendance.platform.graphql.Connections;
import uk.openattendance.platform.graphql.GraphqlWiring;
import uk.openattendance.platform.graphql.NodeType;
import uk.openattendance.platform.paging.PageRequest;
import uk.openattendance.school.app.RegisterGroupService;
import uk.openattendance.school.app.RegisterGroupView;
import uk.openattendance.school.app.SchoolService;
import uk.openattendance.school.app.SchoolView;
import uk.openattendance.school.domain.PolicyPresets;
import uk.openattendance.security.Actor;
import uk.openattendance.security.graphql.CallerDataLoaders;

/** Schools and register groups over GraphQL: each fetcher only calls the same service method REST calls. */
@Singleton
public class SchoolWiring implements GraphqlWiring, CallerDataLoaders {
    public static final String SCHOOL_BY_ID = "schoolById";
    public static final String REGISTER_GROUP_BY_ID = "registerGroupById";
    static final String GROUPS_BY_SCHOOL = "registerGroupsBySchool";

    private final SchoolService schools;
    private final RegisterGroupService groups;

    public SchoolWiring(SchoolService schools, RegisterGroupService groups) {
        this.schools = schools;
        this.groups = groups;
    }

    /** node(id) of a school reads it as school(id) does; of a register group, as registerGroup(schoolId, groupId) does. */
    @Override
    public List<NodeType<?>> nodeTypes() {
        return List.of(new NodeType<>("School", SchoolView.class, SchoolView::id, s -> null, (env, school, id) -> schools.school(actor(env), id)),
                new NodeType<>("RegisterGroup", RegisterGroupView.class, RegisterGroupView::id, RegisterGroupView::schoolId,
                        (env, school, id) -> groups.registerGroup(actor(env), school, id)));
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t
                .dataFetcher("schools", env -> Connections.paged(Connections.window(env), (page, size) -> schools.schools(actor(env), new PageRequest(page, size))))
                .dataFetcher("school", env -> schools.school(actor(env), id(env, "id")))
                .dataFetcher("policyPresets", env -> PolicyPresets.all()));
        wiring.type("School", t -> t.dataFetcher("registerGroups", env -> env.<Long, List<RegisterGroupView>>getDataLoader(GROUPS_BY_SCHOOL)
                .load(((SchoolView) env.getSource()).id())));
        wiring.type("RegisterGroup", t -> t.dataFetcher("school", env -> env.<Long, SchoolView>getDataLoader(SCHOOL_BY_ID)
                .load(((RegisterGroupView) env.getSource()).schoolId())));
    }

    @Override
    public void registerLoaders(DataLoaderRegistry registry, Actor actor) {
        registry.register(SCHOOL_BY_ID, DataLoaderFactory.<Long, SchoolView>newMappedDataLoader(ids -> CompletableFuture.completedFuture(
                schools.schoolsByIds(actor, ids).stream().collect(Collectors.toMap(SchoolView::id, Function.identity())))));
        registry.register(REGISTER_GROUP_BY_ID, DataLoaderFactory.<Long, RegisterGroupView>newMappedDataLoader(ids -> CompletableFuture.completedFuture(
                groups.registerGroupsByIds(actor, ids).stream().collect(Collectors.toMap(RegisterGroupView::id, Function.identity())))));
        DataLoader<Long, List<RegisterGroupView>> bySchool = DataLoaderFactory.<Long, List<RegisterGroupView>>newMappedDataLoader(schoolIds -> {
            Map<Long, List<RegisterGroupView>> found = groups.registerGroupsOfSchools(actor, schoolIds).stream()
                    .collect(Collectors.groupingBy(RegisterGroupView::schoolId));
            return CompletableFuture.completedFuture(found);
        });
        registry.register(GROUPS_BY_SCHOOL, bySchool);
    }
}
