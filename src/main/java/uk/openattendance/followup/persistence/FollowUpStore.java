package uk.openattendance.followup.persistence;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import uk.openattendance.followup.domain.FollowUpStatus;
import uk.openattendance.platform.db.RowMapper;
import uk.openattendance.platform.db.Sql;

/** Follow-up cases: opened in bulk, closed and escalated under their status and version (call attempts and flags are repositories). */
@Singleton
@Connectable
public class FollowUpStore {
    public record CaseRow(long id, long schoolId, long pupilId, LocalDate caseDate, FollowUpStatus status, Instant openedAt, Instant closedAt, String closedBy,
            String closingNote, Instant escalatedAt, long version) {}

    private static final String CASE_COLUMNS = "id, school_id, pupil_id, case_date, status, opened_at, closed_at, closed_by, closing_note, escalated_at, version";

    private static final RowMapper<CaseRow> CASE = rs -> new CaseRow(rs.getLong("id"), rs.getLong("school_id"), rs.getLong("pupil_id"),
            Sql.date(rs, "case_date"), FollowUpStatus.valueOf(rs.getString("status")), Sql.instant(rs, "opened_at"), Sql.instant(rs, "closed_at"), rs.getString("closed_by"),
            rs.getString("closing_note"), Sql.instant(rs, "escalated_at"), rs.getLong("version"));

    /** The statuses of a case still being worked on: waiting for a call, or escalated. */
    private static final List<FollowUpStatus> OPEN = List.of(FollowUpStatus.CALL, FollowUpStatus.ESCALATED);

    private final Sql sql;

    public FollowUpStore(JdbcOperations jdbc) {
        this.sql = Sql.on(jdbc);
    }

    public int open(long schoolId, Collection<Long> pupilIds, LocalDate date, Instant now) {
        int n = 0;
        for (int r : sql.updateEach("INSERT IGNORE INTO follow_up_case (school_id, pupil_id, case_date, status, opened_at) "
                + "VALUES (:school, :pupil, :date, :status, :now)", List.copyOf(pupilIds), p -> Sql.params("school", schoolId).and("pupil", p)
                        .and("status", FollowUpStatus.CALL)
                        .and("date", date).and("now", now))) {
            n += r > 0 ? 1 : 0;
        }
        return n;
    }

    public List<CaseRow> cases(long schoolId, LocalDate date) {
        return sql.query("SELECT " + CASE_COLUMNS + " FROM follow_up_case WHERE school_id = :school AND case_date = :date ORDER BY id",
                Sql.params("school", schoolId).and("date", date)).list(CASE);
    }

    public List<CaseRow> caseById(long schoolId, long caseId) {
        return sql.query("SELECT " + CASE_COLUMNS + " FROM follow_up_case WHERE school_id = :school AND id = :id", Sql.params("school", schoolId)
                .and("id", caseId)).list(CASE);
    }

    /** Closes an open case (known safe, explained); false when it was already closed or changed since {@code version}. */
    public boolean close(long caseId, FollowUpStatus status, String by, String note, Long version, Instant now) {
        return sql.update("UPDATE follow_up_case SET status = :status, closed_by = :by, closing_note = :note, closed_at = :now, version = version + 1 "
                + "WHERE id = :id AND status IN (:open) AND (:version IS NULL OR version = :version)", Sql.params("status", status).and("by", by)
                        .and("note", note).and("now", now).and("id", caseId).and("open", OPEN).and("version", version)) == 1;
    }

    public void escalate(Collection<Long> caseIds, Instant now) {
        if (caseIds.isEmpty()) {
            return;
        }
        sql.update("UPDATE follow_up_case SET status = :escalated, escalated_at = COALESCE(escalated_at, :now), version = version + 1 "
                + "WHERE id IN (:ids) AND status IN (:open)", Sql.params("escalated", FollowUpStatus.ESCALATED).and("now", now).and("ids", caseIds).and("open", OPEN));
    }
}
