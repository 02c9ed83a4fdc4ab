package uk.openattendance.platform.cache;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;

/**
 * Values kept per id of one scope (a school's settings), each used only while the scope's stamp in
 * {@link CacheVersions} is the one read just before the value was loaded: right on every replica at every lookup,
 * for one primary-key read. Only values found are kept; a loader that finds nothing throws, and nothing is kept.
 */
public final class StampedCache<V> {
    /** A value and the stamp it was loaded under. */
    public record Stamped<V>(long stamp, V value) {}

    private final CacheVersions versions;
    private final CacheVersions.Scope scope;
    private final Map<Long, Stamped<V>> kept = new ConcurrentHashMap<>();

    StampedCache(CacheVersions versions, CacheVersions.Scope scope) {
        this.versions = versions;
        this.scope = scope;
    }

    public Stamped<V> get(long id, LongFunction<V> load) {
        // the stamp first, then the data: a change committed in between leaves a newer stamp, so the next lookup reloads
        long stamp = versions.current(scope, id);
        Stamped<V> k = kept.get(id);
        if (k != null && k.stamp() == stamp) {
            return k;
        }
        Stamped<V> loaded = new Stamped<>(stamp, load.apply(id));
        kept.put(id, loaded);
        return loaded;
    }
}
