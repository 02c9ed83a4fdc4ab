package uk.openattendance.platform.graphql;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.openattendance.platform.problem.CommonProblem;
import uk.openattendance.platform.problem.DomainProblem;
import uk.openattendance.platform.web.ProblemJson;

/**
 * The Node interface (issue 16), once for every type a feature declares a {@link NodeType}: {@code node(id)} and
 * {@code nodes(ids)} read through the feature's own service read, a Node's {@code id} is its global id and
 * {@code databaseId} the number REST uses.
 */
final class NodeFields {
    private final Map<String, NodeType<?>> byName = new LinkedHashMap<>();
    private final Map<Class<?>, NodeType<?>> byView = new LinkedHashMap<>();

    NodeFields(List<NodeType<?>> types) {
        types.forEach(t -> {
            byName.put(t.name(), t);
            byView.put(t.view(), t);
        });
    }

    void wire(RuntimeWiring.Builder runtime) {
        runtime.type("Node", t -> t.typeResolver(env -> {
            NodeType<?> type = byView.get(env.getObject().getClass());
            return type == null ? null : env.getSchema().getObjectType(type.name());
        }));
        runtime.type("Query", t -> t
                .dataFetcher("node", env -> read(env, env.getArgument("id"), "id"))
                .dataFetcher("nodes", this::readAll));
    }

    /** Every Node type's id becomes its global id; databaseId answers what id answered before. */
    GraphQLSchema wrap(GraphQLSchema schema) {
        GraphQLCodeRegistry registry = schema.getCodeRegistry();
        GraphQLCodeRegistry wrapped = registry.transform(b -> byName.values().forEach(type -> {
            GraphQLObjectType object = schema.getObjectType(type.name());
            if (object == null || object.getFieldDefinition("databaseId") == null) {
                throw new IllegalStateException(type.name() + " implements Node in the wiring but the schema has no " + type.name() + ".databaseId");
            }
            FieldCoordinates id = FieldCoordinates.coordinates(object, object.getFieldDefinition("id"));
            DataFetcher<?> plain = registry.getDataFetcher(id, object.getFieldDefinition("id"));
            b.dataFetcher(FieldCoordinates.coordinates(object, object.getFieldDefinition("databaseId")), plain);
            b.dataFetcher(id, (DataFetcher<?>) env -> type.globalId(env.getSource()));
        }));
        return schema.transform(b -> b.codeRegistry(wrapped));
    }

    private Object read(DataFetchingEnvironment env, Object value, String field) {
        String text = value == null ? null : String.valueOf(value);
        GlobalIds.GlobalId id = GlobalIds.decode(text).orElseThrow(() -> DomainProblem.field(CommonProblem.VALIDATION_FAILED, field,
                "a global id, as a Node's id field gives it"));
        NodeType<?> type = byName.get(id.type());
        if (type == null || (id.schoolId() == null) != (type.name().equals("School"))) {
            throw CommonProblem.notFound("Node", text);
        }
        return type.reader().read(env, id.schoolId(), id.databaseId());
    }

    /** Each id on its own: one not found is a null with its error at its index, the others still answer. */
    private DataFetcherResult<List<Object>> readAll(DataFetchingEnvironment env) {
        List<?> ids = env.getArgument("ids");
        if (ids.size() > Connections.MAX_FIRST) {
            throw DomainProblem.field(CommonProblem.VALIDATION_FAILED, "ids", "at most " + Connections.MAX_FIRST + " ids");
        }
        List<Object> found = new ArrayList<>();
        List<GraphQLError> errors = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            try {
                found.add(read(env, ids.get(i), "ids[" + i + "]"));
            } catch (DomainProblem p) {
                found.add(null);
                Map<String, Object> extensions = ProblemJson.of(p, null).asExtensions();
                errors.add(GraphqlErrorBuilder.newError().message(p.getMessage()).path(env.getExecutionStepInfo().getPath().segment(i))
                        .location(env.getField().getSourceLocation()).extensions(extensions)
                        .errorType(ErrorClassification.errorClassification(String.valueOf(extensions.get("code")))).build());
            }
        }
        return DataFetcherResult.<List<Object>>newResult().data(found).errors(errors).build();
    }
}
