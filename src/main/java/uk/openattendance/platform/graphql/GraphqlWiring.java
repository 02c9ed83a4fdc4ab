package uk.openattendance.platform.graphql;

import graphql.schema.idl.RuntimeWiring;

/**
 * Each feature contributes its data fetchers; a feature whose DataLoaders are bound to the caller also implements
 * security's {@code CallerDataLoaders}, which keeps this kernel interface free of any feature's types.
 */
public interface GraphqlWiring {
    void wire(RuntimeWiring.Builder wiring);

    /** The feature's types that implement Node, each read through the feature's own single-record service read. */
    default java.util.List<NodeType<?>> nodeTypes() {
        return java.util.List.of();
    }
}
