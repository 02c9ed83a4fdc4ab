package uk.openattendance.absence.persistence;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import uk.openattendance.platform.db.Sql;
import uk.openattendance.platform.sync.ChangeCursor;

/** Which absence reports were recorded or changed (withdrawn, re-coded) after a cursor, in change order. */
@Singleton
@Connectable
public class AbsenceReportChanges {
    public record Changed(long id, String stamp, Instant changedAt) {}

    private final JdbcOperations jdbc;

    public AbsenceReportChanges(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public List<Changed> after(long schoolId, ChangeCursor after, long settleMicros, int limit) {
        return jdbc.prepareStatement("SELECT id, " + ChangeCursor.stampSql("changed_at") + ", changed_at FROM absence_report WHERE school_id = ? AND (changed_at > ? OR (changed_at = ? AND id > ?)) "
                + "AND changed_at < NOW(6) - INTERVAL ? MICROSECOND ORDER BY changed_at, id LIMIT ?", ps -> {
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
