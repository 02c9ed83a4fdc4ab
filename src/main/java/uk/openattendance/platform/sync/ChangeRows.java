package uk.openattendance.platform.sync;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import uk.openattendance.platform.db.Sql;

/**
 * The one keyset read every change feed makes: the rows of one school after a cursor, settled, in change order. A
 * feature gives the rows it feeds as SQL yielding {@code id} and {@code stamp} (its change-stamp column) for a school
 * bound as {@code :school}; the rows themselves it reads with its own repository.
 */
@Singleton
@Connectable
public class ChangeRows {
    /** A changed row's id, its stamp as the cursor carries it, and the same stamp as an instant for clients. */
    public record Changed(long id, String stamp, Instant changedAt) {}

    private final Sql sql;

    public ChangeRows(JdbcOperations jdbc) {
        this.sql = Sql.on(jdbc);
    }

    public List<Changed> after(String rowsOfSchool, long schoolId, ChangeCursor after, long settleMicros, int limit) {
        return sql.query("SELECT id, " + ChangeCursor.stampSql("stamp") + " AS cursor_stamp, stamp FROM (" + rowsOfSchool + ") t "
                + "WHERE (stamp > :stamp OR (stamp = :stamp AND id > :id)) AND stamp < NOW(6) - INTERVAL :settle MICROSECOND ORDER BY stamp, id LIMIT :limit",
                Sql.params("school", schoolId).and("stamp", after.stamp()).and("id", after.id()).and("settle", settleMicros).and("limit", limit))
                .list(rs -> new Changed(rs.getLong("id"), rs.getString("cursor_stamp"), Sql.instant(rs, "stamp")));
    }
}
