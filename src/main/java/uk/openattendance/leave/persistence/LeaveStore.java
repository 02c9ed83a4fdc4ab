package uk.openattendance.leave.persistence;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import uk.openattendance.leave.domain.LeaveRequestStatus;
import uk.openattendance.platform.db.RowMapper;
import uk.openattendance.platform.db.Sql;

@Singleton
@Connectable
public class LeaveStore {
    private static final RowMapper<LeaveRequestRow> REQUEST = rs -> new LeaveRequestRow(rs.getLong("id"), rs.getLong("school_id"), rs.getLong("pupil_id"),
            rs.getString("ground"), Sql.date(rs, "first_date"), rs.getString("first_session"), Sql.date(rs, "last_date"), rs.getString("last_session"),
            rs.getString("reason"), rs.getString("festival"), rs.getString("channel"), Sql.nullableLong(rs, "requester_contact_id"),
            rs.getString("requested_by"), Sql.instant(rs, "requested_at"), rs.getString("advice"), LeaveRequestStatus.valueOf(rs.getString("status")), rs.getString("decided_by"),
            Sql.instant(rs, "decided_at"), rs.getString("decision_note"), rs.getString("taken_confirmed_by"), Sql.instant(rs, "taken_confirmed_at"),
            rs.getLong("version"));

    private static final RowMapper<SessionRow> SESSION = rs -> new SessionRow(rs.getLong("request_id"), rs.getLong("pupil_id"),
            Sql.date(rs, "session_date"), rs.getString("session"), Sql.nullableBoolean(rs, "approved"));

    private static final String SESSION_COLUMNS = "request_id, pupil_id, session_date, session, approved";

    private final Sql sql;

    public LeaveStore(JdbcOperations jdbc) {
        this.sql = Sql.on(jdbc);
    }

    public record SessionRow(long requestId, long pupilId, LocalDate date, String session, Boolean approved) {}

    public long insert(LeaveRequestRow r) {
        return sql.insert("INSERT INTO leave_request (school_id, pupil_id, ground, first_date, first_session, last_date, last_session, reason, "
                + "festival, channel, requester_contact_id, requested_by, requested_at, advice, status) VALUES (:school, :pupil, :ground, :firstDate, "
                + ":firstSession, :lastDate, :lastSession, :reason, :festival, :channel, :contact, :by, :at, :advice, :status)",
                Sql.params("school", r.schoolId()).and("pupil", r.pupilId()).and("ground", r.ground()).and("firstDate", r.firstDate())
                        .and("firstSession", r.firstSession()).and("lastDate", r.lastDate()).and("lastSession", r.lastSession()).and("reason", r.reason())
                        .and("festival", r.festival()).and("channel", r.channel()).and("contact", r.requesterContactId()).and("by", r.requestedBy())
                        .and("at", r.requestedAt()).and("advice", r.advice()).and("status", r.status()));
    }

    public void insertSessions(long requestId, long schoolId, long pupilId, List<SessionRow> sessions) {
        sql.updateEach("INSERT INTO leave_session (request_id, school_id, pupil_id, session_date, session, approved) "
                + "VALUES (:request, :school, :pupil, :date, :session, NULL)", sessions, s -> Sql.params("request", requestId).and("school", schoolId)
                        .and("pupil", pupilId).and("date", s.date()).and("session", s.session()));
    }

    /** Records the decision if nobody has changed the request since {@code version}; false when someone has. */
    public boolean decide(long id, long version, LeaveRequestStatus status, String decidedBy, Instant at, String note) {
        return sql.update("UPDATE leave_request SET status = :status, decided_by = :by, decided_at = :at, decision_note = :note, version = version + 1 "
                + "WHERE id = :id AND version = :version AND status = :requested", Sql.params("status", status).and("requested", LeaveRequestStatus.REQUESTED).and("by", decidedBy).and("at", at)
                        .and("note", note).and("id", id).and("version", version)) == 1;
    }

    public void setApproved(long requestId, Collection<SessionRow> approved) {
        sql.update("UPDATE leave_session SET approved = FALSE WHERE request_id = :request", Sql.params("request", requestId));
        sql.updateEach("UPDATE leave_session SET approved = TRUE WHERE request_id = :request AND session_date = :date AND session = :session",
                List.copyOf(approved), s -> Sql.params("request", requestId).and("date", s.date()).and("session", s.session()));
    }

    public boolean confirmTaken(long id, String by, Instant at) {
        return sql.update("UPDATE leave_request SET taken_confirmed_by = :by, taken_confirmed_at = :at, version = version + 1 "
                + "WHERE id = :id AND taken_confirmed_at IS NULL", Sql.params("by", by).and("at", at).and("id", id)) == 1;
    }

    public boolean withdraw(long id, String by, Instant at) {
        return sql.update("UPDATE leave_request SET status = :withdrawn, decided_by = :by, decided_at = :at, version = version + 1 "
                + "WHERE id = :id AND status = :requested", Sql.params("withdrawn", LeaveRequestStatus.WITHDRAWN).and("requested", LeaveRequestStatus.REQUESTED).and("by", by).and("at", at).and("id", id)) == 1;
    }

    public Optional<LeaveRequestRow> byId(long schoolId, long id) {
        return sql.query("SELECT * FROM leave_request WHERE school_id = :school AND id = :id", Sql.params("school", schoolId).and("id", id)).optional(REQUEST);
    }

    /** The school's requests, newest first; status null means all. */
    public List<LeaveRequestRow> ofSchool(long schoolId, String status, int limit) {
        return sql.query("SELECT * FROM leave_request WHERE school_id = :school AND (:status IS NULL OR status = :status) ORDER BY id DESC LIMIT :limit",
                Sql.params("school", schoolId).and("status", status).and("limit", limit)).list(REQUEST);
    }

    public List<LeaveRequestRow> ofPupil(long pupilId) {
        return sql.query("SELECT * FROM leave_request WHERE pupil_id = :pupil ORDER BY first_date DESC, id DESC LIMIT 200", Sql.params("pupil", pupilId))
                .list(REQUEST);
    }

    public List<SessionRow> sessions(long requestId) {
        return sql.query("SELECT " + SESSION_COLUMNS + " FROM leave_session WHERE request_id = :request ORDER BY session_date, session",
                Sql.params("request", requestId)).list(SESSION);
    }

    /** Approved leave sessions on one date and session of a school: what pre-codes its registers. */
    public List<SessionRow> approvedOn(long schoolId, LocalDate date, String session) {
        return sql.query("SELECT " + SESSION_COLUMNS + " FROM leave_session WHERE school_id = :school AND session_date = :date AND session = :session "
                + "AND approved = TRUE", Sql.params("school", schoolId).and("date", date).and("session", session)).list(SESSION);
    }
}
