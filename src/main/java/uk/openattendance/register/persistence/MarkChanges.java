package uk.openattendance.register.persistence;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import uk.openattendance.platform.db.Sql;
import uk.openattendance.platform.sync.ChangeCursor;

/** Marks as they were written, read from the append-only history in the order it was written: the marks' change feed. */
@Singleton
@Connectable
public class MarkChanges {
    public record Entry(long historyId, String stamp, long pupilId, LocalDate date, String session, String oldCode, String code, int minutesLate,
            String reason, String changedBy, Instant changedAt) {}

    private final Sql sql;

    public MarkChanges(JdbcOperations jdbc) {
        this.sql = Sql.on(jdbc);
    }

    public List<Entry> after(long schoolId, ChangeCursor after, long settleMicros, int limit) {
        return sql.query("SELECT id, " + ChangeCursor.stampSql("logged_at") + " AS stamp, pupil_id, mark_date, session, old_code, new_code, new_minutes_late, reason, changed_by, "
                + "changed_at FROM mark_history WHERE school_id = :school AND (logged_at > :stamp OR (logged_at = :stamp AND id > :id)) "
                + "AND logged_at < NOW(6) - INTERVAL :settle MICROSECOND ORDER BY logged_at, id LIMIT :limit",
                Sql.params("school", schoolId).and("stamp", after.stamp()).and("id", after.id()).and("settle", settleMicros).and("limit", limit))
                .list(rs -> new Entry(rs.getLong("id"), rs.getString("stamp"), rs.getLong("pupil_id"), Sql.date(rs, "mark_date"),
                        rs.getString("session"), rs.getString("old_code"), rs.getString("new_code"), rs.getInt("new_minutes_late"),
                        rs.getString("reason"), rs.getString("changed_by"), Sql.instant(rs, "changed_at")));
    }
}
