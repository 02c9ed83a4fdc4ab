package uk.openattendance.platform.cache;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.util.concurrent.ThreadLocalRandom;
import uk.openattendance.platform.db.Sql;

/**
 * How an instance knows that what it keeps in memory is still what the database holds, whichever replica changed it
 * (issue 14). Each scope (a school) has one row; every change of data kept in memory writes a new stamp there in the
 * change's own transaction ({@link #bump}), and a reader reads the stamp first, then the data, and keeps the two
 * together: a kept copy is used only while {@link #current} still reads its stamp. One primary-key read per lookup.
 *
 * <p>The stamp is random, not a counter: a change that rolls back after its own transaction read the new stamp must
 * not leave a number that the next change would write again over different data. A scope never changed reads as 0;
 * nothing is remembered about a scope that does not exist (no negative caching), since callers keep only what they
 * found.
 */
@Singleton
@Connectable
public class CacheVersions {
    /** What a stamp covers. */
    public enum Scope {
        /** a school's details, zone, calendar, register groups and policy (its own and its trust's defaults) */
        SCHOOL
    }

    private final Sql sql;

    public CacheVersions(JdbcOperations jdbc) {
        this.sql = Sql.on(jdbc);
    }

    /** A map of values kept per id of the scope, each used while the scope's stamp is unchanged. */
    public <V> StampedCache<V> cache(Scope scope) {
        return new StampedCache<>(this, scope);
    }

    /** The stamp now; read it before the data it guards. */
    public long current(Scope scope, long id) {
        return sql.query("SELECT stamp FROM cache_version WHERE scope = :scope AND scope_id = :id", Sql.params("scope", scope).and("id", id))
                .optional(rs -> rs.getLong("stamp")).orElse(0L);
    }

    /**
     * Marks every kept copy of the scope's data stale, on every instance, when the caller's transaction commits. Call
     * it in that transaction, after the writes: a stamp that became visible before the data would be kept with the old data.
     */
    public void bump(Scope scope, long id) {
        long stamp;
        do {
            stamp = ThreadLocalRandom.current().nextLong();
        } while (stamp == 0);
        sql.update("INSERT INTO cache_version (scope, scope_id, stamp) VALUES (:scope, :id, :stamp) ON DUPLICATE KEY UPDATE stamp = :stamp",
                Sql.params("scope", scope).and("id", id).and("stamp", stamp));
    }
}
