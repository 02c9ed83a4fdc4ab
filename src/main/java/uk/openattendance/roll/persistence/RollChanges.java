package uk.openattendance.roll.persistence;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import uk.openattendance.platform.db.Sql;
import uk.openattendance.platform.sync.ChangeCursor;

/** Which pupils and contact links changed after a cursor, in change order (the rows themselves come from the repositories). */
@Singleton
@Connectable
public class RollChanges {
    /** A changed row's id and change stamp. */
    public record Changed(long id, String stamp, Instant changedAt) {}

    private final JdbcOperations jdbc;

    public RollChanges(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public List<Changed> pupils(long schoolId, ChangeCursor after, long settleMicros, int limit) {
        return read("SELECT id, " + ChangeCursor.stampSql("changed_at") + ", changed_at FROM pupil WHERE school_id = ? AND (changed_at > ? OR (changed_at = ? AND id > ?)) "
                + "AND changed_at < NOW(6) - INTERVAL ? MICROSECOND ORDER BY changed_at, id LIMIT ?", schoolId, after, settleMicros, limit);
    }

    /** A link counts as changed when it or its contact (the person, shared between siblings) changed. */
    public List<Changed> contactLinks(long schoolId, ChangeCursor after, long settleMicros, int limit) {
        return read("SELECT id, " + ChangeCursor.stampSql("stamp") + ", stamp FROM (SELECT pc.id, GREATEST(pc.changed_at, c.changed_at) AS stamp "
                + "FROM pupil_contact pc "
                + "JOIN contact c ON c.id = pc.contact_id WHERE pc.school_id = ?) t WHERE (stamp > ? OR (stamp = ? AND id > ?)) "
                + "AND stamp < NOW(6) - INTERVAL ? MICROSECOND ORDER BY stamp, id LIMIT ?", schoolId, after, settleMicros, limit);
    }

    private List<Changed> read(String sql, long schoolId, ChangeCursor after, long settleMicros, int limit) {
        return jdbc.prepareStatement(sql, ps -> {
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
