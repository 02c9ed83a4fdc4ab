package uk.openattendance.security.graphql;

import org.dataloader.DataLoaderRegistry;
import uk.openattendance.security.Actor;

/** A wiring whose DataLoaders are made per execution and bound to the caller, so batches never mix callers' rows. */
public interface CallerDataLoaders {
    void registerLoaders(DataLoaderRegistry registry, Actor actor);
}
