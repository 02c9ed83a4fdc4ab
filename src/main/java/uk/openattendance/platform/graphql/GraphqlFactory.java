package uk.openattendance.platform.graphql;

import graphql.GraphQL;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Parses graphql/attendance.graphqls, the committed contract, exactly as it is in the repository. */
@Factory
public class GraphqlFactory {
    public static final String SCHEMA_RESOURCE = "graphql/attendance.graphqls";

    @Singleton
    public GraphQL graphQL(List<GraphqlWiring> wirings, @Value("${attendance.graphql.max-depth:8}") int maxDepth,
            @Value("${attendance.graphql.max-complexity:50000}") int maxComplexity) {
        TypeDefinitionRegistry types = new SchemaParser().parse(schemaText());
        RuntimeWiring.Builder runtime = RuntimeWiring.newRuntimeWiring();
        TypedScalars.wire(runtime);
        wirings.forEach(w -> w.wire(runtime));
        NodeFields nodes = new NodeFields(wirings.stream().flatMap(w -> w.nodeTypes().stream()).toList());
        nodes.wire(runtime);
        GraphQLSchema schema = nodes.wrap(ConnectionFields.wrap(new SchemaGenerator().makeExecutableSchema(types, runtime.build())));
        return GraphQL.newGraphQL(schema)
                .defaultDataFetcherExceptionHandler(new ProblemExceptionHandler())
                .instrumentation(new ChainedInstrumentation(List.of(
                        new MaxQueryDepthInstrumentation(maxDepth),
                        new MaxQueryComplexityInstrumentation(maxComplexity, new SizeAwareComplexity()))))
                .build();
    }

    static String schemaText() {
        try (InputStream in = GraphqlFactory.class.getClassLoader().getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SCHEMA_RESOURCE + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
