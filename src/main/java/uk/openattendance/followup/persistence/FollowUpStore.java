package uk.openattendance.followup.persistence;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Follow-up cases, call attempts and missing-education flags. */
@Singleton
@Connectable
public class FollowUpStore {
    public record CaseRow(long id, long schoolId, long pupilId, LocalDate caseDate, String status, Instant openedAt, Instant closedAt, String closedBy,
            String closingNote, Instant escalatedAt, long version) {}

    public record AttemptRow(long id, long caseId, Long contactId, String outcome, String note, String recordedBy, Instant recordedAt) {}

    private static final String CASE_COLUMNS = "id, school_id, pupil_id, case_date, status, opened_at, closed_at, closed_by, closing_note, escalated_at, version";

    private final JdbcOperations jdbc;

    public FollowUpStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public int open(long schoolId, Collection<Long> pupilIds, LocalDate date, Instant now) {
        if (pupilIds.isEmpty()) {
            return 0;
        }
        return jdbc.prepareStatement("INSERT IGNORE INTO follow_up_case (school_id, pupil_id, case_date, status, opened_at) VALUES (?,?,?,'CALL',?)", ps -> {
            for (Long p : pupilIds) {
                ps.setLong(1, schoolId);
                ps.setLong(2, p);
                ps.setDate(3, Date.valueOf(date));
                ps.setTimestamp(4, Timestamp.from(now));
                ps.addBatch();
            }
            int n = 0;
            for (int r : ps.executeBatch()) {
                n += r > 0 ? 1 : 0;
            }
            return n;
        });
    }

    public List<CaseRow> cases(long schoolId, LocalDate date) {
        return jdbc.prepareStatement("SELECT " + CASE_COLUMNS + " FROM follow_up_case WHERE school_id = ? AND case_date = ? ORDER BY id", ps -> {
            ps.setLong(1, schoolId);
            ps.setDate(2, Date.valueOf(date));
            return readCases(ps);
        });
    }

    public List<CaseRow> caseById(long schoolId, long caseId) {
        return jdbc.prepareStatement("SELECT " + CASE_COLUMNS + " FROM follow_up_case WHERE school_id = ? AND id = ?", ps -> {
            ps.setLong(1, schoolId);
            ps.setLong(2, caseId);
            return readCases(ps);
        });
    }

    /** Closes an open case (known safe, explained); false when it was already closed or changed since {@code version}. */
    public boolean close(long caseId, String status, String by, String note, Long version, Instant now) {
        return jdbc.prepareStatement("UPDATE follow_up_case SET status = ?, closed_by = ?, closing_note = ?, closed_at = ?, version = version + 1 "
                + "WHERE id = ? AND status IN ('CALL', 'ESCALATED') AND (? IS NULL OR version = ?)", ps -> {
                    ps.setString(1, status);
                    ps.setString(2, by);
                    ps.setString(3, note);
                    ps.setTimestamp(4, Timestamp.from(now));
                    ps.setLong(5, caseId);
                    if (version == null) {
                        ps.setNull(6, Types.BIGINT);
                        ps.setNull(7, Types.BIGINT);
                    } else {
                        ps.setLong(6, version);
                        ps.setLong(7, version);
                    }
                    return ps.executeUpdate() == 1;
                });
    }

    public void escalate(Collection<Long> caseIds, Instant now) {
        if (caseIds.isEmpty()) {
            return;
        }
        String in = uk.openattendance.platform.db.Sql.ids(caseIds);
        jdbc.prepareStatement("UPDATE follow_up_case SET status = 'ESCALATED', escalated_at = COALESCE(escalated_at, ?), version = version + 1 "
                + "WHERE id IN (" + in + ") AND status IN ('CALL', 'ESCALATED')", ps -> {
                    ps.setTimestamp(1, Timestamp.from(now));
                    return ps.executeUpdate();
                });
    }

    public void addAttempt(long caseId, Long contactId, String outcome, String note, String by, Instant now) {
        jdbc.prepareStatement("INSERT INTO call_attempt (case_id, contact_id, outcome, note, recorded_by, recorded_at) VALUES (?,?,?,?,?,?)", ps -> {
            ps.setLong(1, caseId);
            if (contactId == null) {
                ps.setNull(2, Types.BIGINT);
            } else {
                ps.setLong(2, contactId);
            }
            ps.setString(3, outcome);
            ps.setString(4, note);
            ps.setString(5, by);
            ps.setTimestamp(6, Timestamp.from(now));
            return ps.executeUpdate();
        });
    }

    public List<AttemptRow> attempts(Collection<Long> caseIds) {
        if (caseIds.isEmpty()) {
            return List.of();
        }
        String in = uk.openattendance.platform.db.Sql.ids(caseIds);
        return jdbc.prepareStatement("SELECT id, case_id, contact_id, outcome, note, recorded_by, recorded_at FROM call_attempt WHERE case_id IN (" + in
                + ") ORDER BY id", ps -> {
                    List<AttemptRow> out = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            long c = rs.getLong(3);
                            out.add(new AttemptRow(rs.getLong(1), rs.getLong(2), rs.wasNull() ? null : c, rs.getString(4), rs.getString(5), rs.getString(6),
                                    rs.getTimestamp(7).toInstant()));
                        }
                    }
                    return out;
                });
    }

    public record FlagRow(long pupilId, LocalDate sinceDate, LocalDate flaggedOn, int schoolDays) {}

    /** True when the flag is new. */
    public boolean flagMissingEducation(long schoolId, long pupilId, LocalDate since, LocalDate on, int days) {
        return jdbc.prepareStatement("INSERT IGNORE INTO missing_education_flag (school_id, pupil_id, since_date, flagged_on, school_days) VALUES (?,?,?,?,?)",
                ps -> {
                    ps.setLong(1, schoolId);
                    ps.setLong(2, pupilId);
                    ps.setDate(3, Date.valueOf(since));
                    ps.setDate(4, Date.valueOf(on));
                    ps.setInt(5, days);
                    return ps.executeUpdate() == 1;
                });
    }

    public List<FlagRow> flags(long schoolId) {
        return jdbc.prepareStatement("SELECT pupil_id, since_date, flagged_on, school_days FROM missing_education_flag WHERE school_id = ? ORDER BY flagged_on DESC",
                ps -> {
                    ps.setLong(1, schoolId);
                    List<FlagRow> out = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(new FlagRow(rs.getLong(1), rs.getDate(2).toLocalDate(), rs.getDate(3).toLocalDate(), rs.getInt(4)));
                        }
                    }
                    return out;
                });
    }

    private static List<CaseRow> readCases(PreparedStatement ps) throws SQLException {
        List<CaseRow> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Timestamp closed = rs.getTimestamp(7);
                Timestamp esc = rs.getTimestamp(10);
                out.add(new CaseRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getDate(4).toLocalDate(), rs.getString(5), rs.getTimestamp(6).toInstant(),
                        closed == null ? null : closed.toInstant(), rs.getString(8), rs.getString(9), esc == null ? null : esc.toInstant(), rs.getLong(11)));
            }
        }
        return out;
    }
}
