package uk.openattendance.platform.graphql;

import graphql.schema.DataFetchingEnvironment;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * A schema type that implements Node, as the feature that owns it declares it: the view class its fetchers answer, how to
 * read its database id and school from a view, and the service read {@code node(id)} goes through (the same method its
 * single-record root field calls, so tenancy is the service's, not this kernel's).
 */
public record NodeType<T>(String name, Class<T> view, ToLongFunction<T> databaseId, Function<T, Long> schoolId, Reader<T> reader) {
    public interface Reader<T> {
        T read(DataFetchingEnvironment env, Long schoolId, long databaseId);
    }

    String globalId(Object view) {
        T v = this.view.cast(view);
        return GlobalIds.encode(name, schoolId.apply(v), databaseId.applyAsLong(v));
    }
}
