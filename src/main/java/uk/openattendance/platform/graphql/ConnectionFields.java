package uk.openattendance.platform.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import java.util.List;
import java.util.concurrent.CompletionStage;
import uk.openattendance.platform.paging.Page;

/**
 * Every field whose type is an XConnection gets its feature's fetcher wrapped once, here: the feature answers what its
 * service answers (a list, or a future of one from a DataLoader) and the window of {@code first}/{@code after} is cut
 * from it, so no feature writes connection code and none can forget the bounds. A fetcher whose service pages itself
 * answers a {@link Connections.Connection} already (with {@link Connections#paged}) and passes through.
 */
final class ConnectionFields {
    private ConnectionFields() {}

    static GraphQLSchema wrap(GraphQLSchema schema) {
        GraphQLCodeRegistry registry = schema.getCodeRegistry();
        GraphQLCodeRegistry wrapped = registry.transform(b -> schema.getAllTypesAsList().stream()
                .filter(t -> t instanceof GraphQLObjectType && !t.getName().startsWith("__"))
                .map(GraphQLObjectType.class::cast)
                .forEach(o -> o.getFieldDefinitions().stream().filter(ConnectionFields::isConnection).forEach(f -> {
                    FieldCoordinates at = FieldCoordinates.coordinates(o, f);
                    b.dataFetcher(at, around(registry.getDataFetcher(at, f)));
                })));
        return schema.transform(b -> b.codeRegistry(wrapped));
    }

    static boolean isConnection(GraphQLFieldDefinition f) {
        return GraphQLTypeUtil.unwrapAll(f.getType()).getName().endsWith("Connection");
    }

    private static DataFetcher<Object> around(DataFetcher<?> inner) {
        return env -> {
            Connections.Window window = Connections.window(env);
            return adapt(inner.get(env), window);
        };
    }

    private static Object adapt(Object answer, Connections.Window window) {
        if (answer instanceof Connections.Connection<?> || answer == null) {
            return answer;
        }
        if (answer instanceof CompletionStage<?> later) {
            return later.thenApply(value -> adapt(value, window));
        }
        if (answer instanceof List<?> all) {
            return Connections.of(all, window);
        }
        if (answer instanceof Page<?>) {
            throw new IllegalStateException("a paged service's fetcher answers Connections.paged(window, ...), not a Page");
        }
        throw new IllegalStateException("a connection field's fetcher answered " + answer.getClass().getName());
    }
}
