package uk.openattendance.platform.graphql;

import graphql.schema.idl.RuntimeWiring;
import org.dataloader.DataLoaderRegistry;
import uk.openattendance.security.Actor;

/** Each feature contributes its data fetchers and, per execution, its DataLoaders bound to the caller. */
public interface GraphqlWiring {
    void wire(RuntimeWiring.Builder wiring);

    default void registerLoaders(DataLoaderRegistry registry, Actor actor) {}
}
