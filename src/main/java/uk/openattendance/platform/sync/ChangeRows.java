package uk.openattendance.platform.sync;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import uk.openattendance.platform.db.Sql;

/**
 * The one keyset read every change feed makes: the rows of one school after a cursor, settled, in change order. A
 * feature gives the rows it feeds as SQL yielding {@code id} and {@code stamp} (its change-stamp column) for a school
 * bound as the one parameter; the rows themselves it reads with its own repository.
 */
@Singleton
@Connectable
public class ChangeRows {
    /** A changed row's id, its stamp as the cursor carries it, and the same stamp as an instant for clients. */
    public record Changed(long id, String stamp, Instant changedAt) {}

    private final JdbcOperations jdbc;

    public ChangeRows(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public List<Changed> after(String rowsOfSchool, long schoolId, ChangeCursor after, long settleMicros, int limit) {
        return jdbc.prepareStatement("SELECT id, " + ChangeCursor.stampSql("stamp") + ", stamp FROM (" + rowsOfSchool + ") t "
                + "WHERE (stamp > ? OR (stamp = ? AND id > ?)) AND stamp < NOW(6) - INTERVAL ? MICROSECOND ORDER BY stamp, id LIMIT ?", ps -> {
                    Sql.bind(ps, schoolId, after.stamp(), after.stamp(), after.id(), settleMicros, limit);
                    List<Changed> out = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(new Changed(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant()));
                        }
                    }
                    return out;
                });
    }
}
