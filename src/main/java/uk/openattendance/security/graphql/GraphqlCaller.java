package uk.openattendance.security.graphql;

import graphql.schema.DataFetchingEnvironment;
import uk.openattendance.security.Actor;

/**
 * The caller inside data fetchers. It lives with security, not the platform kernel, so the kernel's GraphQL helpers
 * know no feature: the controller puts the resolved {@link Actor} under {@link #ACTOR} and every fetcher reads it here.
 */
public final class GraphqlCaller {
    public static final String ACTOR = "actor";

    private GraphqlCaller() {}

    public static Actor actor(DataFetchingEnvironment env) {
        return env.getGraphQlContext().get(ACTOR);
    }
}
