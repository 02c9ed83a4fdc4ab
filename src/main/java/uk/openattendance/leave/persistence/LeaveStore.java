package uk.openattendance.leave.persistence;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import uk.openattendance.platform.db.Sql;

@Singleton
@Connectable
public class LeaveStore {
    private final JdbcOperations jdbc;

    public LeaveStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public record SessionRow(long requestId, long pupilId, LocalDate date, String session, Boolean approved) {}

    public record DocumentRow(long id, long requestId, String fileName, String contentType, int sizeBytes, String sha256, String uploadedBy,
            Instant uploadedAt) {}

    public record AssessmentPeriodRow(long id, long schoolId, String name, LocalDate startsOn, LocalDate endsOn) {}

    public long insert(LeaveRequestRow r) {
        return Sql.insert(jdbc, "INSERT INTO leave_request (school_id, pupil_id, ground, first_date, first_session, last_date, last_session, reason, "
                + "festival, channel, requester_contact_id, requested_by, requested_at, advice, status) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                r.schoolId(), r.pupilId(), r.ground(), r.firstDate(), r.firstSession(), r.lastDate(), r.lastSession(), r.reason(), r.festival(),
                r.channel(), r.requesterContactId(), r.requestedBy(), r.requestedAt(), r.advice(), r.status());
    }

    public void insertSessions(long requestId, long schoolId, long pupilId, List<SessionRow> sessions) {
        jdbc.prepareStatement("INSERT INTO leave_session (request_id, school_id, pupil_id, session_date, session, approved) VALUES (?,?,?,?,?,NULL)", ps -> {
            for (SessionRow s : sessions) {
                Sql.bind(ps, requestId, schoolId, pupilId, s.date(), s.session());
                ps.addBatch();
            }
            ps.executeBatch();
            return null;
        });
    }

    /** Records the decision if nobody has changed the request since {@code version}; false when someone has. */
    public boolean decide(long id, long version, String status, String decidedBy, Instant at, String note) {
        return jdbc.prepareStatement("UPDATE leave_request SET status = ?, decided_by = ?, decided_at = ?, decision_note = ?, version = version + 1 "
                + "WHERE id = ? AND version = ? AND status = 'REQUESTED'", ps -> {
                    Sql.bind(ps, status, decidedBy, at, note, id, version);
                    return ps.executeUpdate() == 1;
                });
    }

    public void setApproved(long requestId, Collection<SessionRow> approved) {
        jdbc.prepareStatement("UPDATE leave_session SET approved = FALSE WHERE request_id = ?", ps -> {
            ps.setLong(1, requestId);
            return ps.executeUpdate();
        });
        jdbc.prepareStatement("UPDATE leave_session SET approved = TRUE WHERE request_id = ? AND session_date = ? AND session = ?", ps -> {
            for (SessionRow s : approved) {
                Sql.bind(ps, requestId, s.date(), s.session());
                ps.addBatch();
            }
            ps.executeBatch();
            return null;
        });
    }

    public boolean confirmTaken(long id, String by, Instant at) {
        return jdbc.prepareStatement("UPDATE leave_request SET taken_confirmed_by = ?, taken_confirmed_at = ?, version = version + 1 "
                + "WHERE id = ? AND taken_confirmed_at IS NULL", ps -> {
                    Sql.bind(ps, by, at, id);
                    return ps.executeUpdate() == 1;
                });
    }

    public boolean withdraw(long id, String by, Instant at) {
        return jdbc.prepareStatement("UPDATE leave_request SET status = 'WITHDRAWN', decided_by = ?, decided_at = ?, version = version + 1 "
                + "WHERE id = ? AND status = 'REQUESTED'", ps -> {
                    Sql.bind(ps, by, at, id);
                    return ps.executeUpdate() == 1;
                });
    }

    public Optional<LeaveRequestRow> byId(long schoolId, long id) {
        return jdbc.prepareStatement("SELECT * FROM leave_request WHERE school_id = ? AND id = ?", ps -> {
            Sql.bind(ps, schoolId, id);
            return read(ps).stream().findFirst();
        });
    }

    /** The school's requests, newest first; status null means all. */
    public List<LeaveRequestRow> ofSchool(long schoolId, String status, int limit) {
        return jdbc.prepareStatement("SELECT * FROM leave_request WHERE school_id = ? AND (? IS NULL OR status = ?) ORDER BY id DESC LIMIT ?", ps -> {
            Sql.bind(ps, schoolId, status, status, limit);
            return read(ps);
        });
    }

    public List<LeaveRequestRow> ofPupil(long pupilId) {
        return jdbc.prepareStatement("SELECT * FROM leave_request WHERE pupil_id = ? ORDER BY first_date DESC, id DESC LIMIT 200", ps -> {
            ps.setLong(1, pupilId);
            return read(ps);
        });
    }

    public List<SessionRow> sessions(long requestId) {
        return jdbc.prepareStatement("SELECT request_id, pupil_id, session_date, session, approved FROM leave_session WHERE request_id = ? "
                + "ORDER BY session_date, session", ps -> {
                    ps.setLong(1, requestId);
                    return readSessions(ps);
                });
    }

    /** Approved leave sessions on one date and session of a school: what pre-codes its registers. */
    public List<SessionRow> approvedOn(long schoolId, LocalDate date, String session) {
        return jdbc.prepareStatement("SELECT request_id, pupil_id, session_date, session, approved FROM leave_session WHERE school_id = ? "
                + "AND session_date = ? AND session = ? AND approved = TRUE", ps -> {
                    Sql.bind(ps, schoolId, date, session);
                    return readSessions(ps);
                });
    }

    public long insertDocument(long requestId, String fileName, String contentType, byte[] content, String sha256, String by, Instant at) {
        return Sql.insert(jdbc, "INSERT INTO leave_document (request_id, file_name, content_type, size_bytes, sha256, content, uploaded_by, uploaded_at) "
                + "VALUES (?,?,?,?,?,?,?,?)", requestId, fileName, contentType, content.length, sha256, content, by, at);
    }

    public List<DocumentRow> documents(long requestId) {
        return jdbc.prepareStatement("SELECT id, request_id, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at FROM leave_document "
                + "WHERE request_id = ? ORDER BY id", ps -> {
                    ps.setLong(1, requestId);
                    List<DocumentRow> out = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(new DocumentRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getString(6),
                                    rs.getString(7), Sql.instant(rs, "uploaded_at")));
                        }
                    }
                    return out;
                });
    }

    public Optional<byte[]> documentContent(long requestId, long documentId) {
        return jdbc.prepareStatement("SELECT content FROM leave_document WHERE request_id = ? AND id = ?", ps -> {
            Sql.bind(ps, requestId, documentId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.<byte[]>empty();
            }
        });
    }

    public long insertAssessmentPeriod(long schoolId, String name, LocalDate from, LocalDate to) {
        return Sql.insert(jdbc, "INSERT INTO assessment_period (school_id, name, starts_on, ends_on) VALUES (?,?,?,?)", schoolId, name, from, to);
    }

    public List<AssessmentPeriodRow> assessmentPeriods(long schoolId) {
        return jdbc.prepareStatement("SELECT id, school_id, name, starts_on, ends_on FROM assessment_period WHERE school_id = ? ORDER BY starts_on", ps -> {
            ps.setLong(1, schoolId);
            List<AssessmentPeriodRow> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new AssessmentPeriodRow(rs.getLong(1), rs.getLong(2), rs.getString(3), Sql.date(rs, "starts_on"), Sql.date(rs, "ends_on")));
                }
            }
            return out;
        });
    }

    private static List<SessionRow> readSessions(PreparedStatement ps) throws SQLException {
        List<SessionRow> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new SessionRow(rs.getLong(1), rs.getLong(2), Sql.date(rs, "session_date"), rs.getString(4), Sql.nullableBoolean(rs, "approved")));
            }
        }
        return out;
    }

    private static List<LeaveRequestRow> read(PreparedStatement ps) throws SQLException {
        List<LeaveRequestRow> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new LeaveRequestRow(rs.getLong("id"), rs.getLong("school_id"), rs.getLong("pupil_id"), rs.getString("ground"),
                        Sql.date(rs, "first_date"), rs.getString("first_session"), Sql.date(rs, "last_date"), rs.getString("last_session"),
                        rs.getString("reason"), rs.getString("festival"), rs.getString("channel"), Sql.nullableLong(rs, "requester_contact_id"),
                        rs.getString("requested_by"), Sql.instant(rs, "requested_at"), rs.getString("advice"), rs.getString("status"),
                        rs.getString("decided_by"), Sql.instant(rs, "decided_at"), rs.getString("decision_note"), rs.getString("taken_confirmed_by"),
                        Sql.instant(rs, "taken_confirmed_at"), rs.getLong("version")));
            }
        }
        return out;
    }
}
