package uk.openattendance.statutory.persistence;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import uk.openattendance.platform.db.Sql;

/** Penalty notices and local-authority returns made: the school's own record of its statutory steps. */
@Singleton
@Connectable
public class StatutoryStore {
    private final JdbcOperations jdbc;

    public StatutoryStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public record NoticeRow(long id, long schoolId, long pupilId, long contactId, String parentName, LocalDate issuedOn, int noticeNumber,
            int amountPence, Integer reducedAmountPence, String reference, Integer unauthorisedSessions, LocalDate windowFrom, LocalDate windowTo,
            String note, String recordedBy, Instant recordedAt) {}

    public record ReturnMadeRow(long schoolId, long pupilId, String kind, String triggerKey, LocalDate madeOn, String reference, String recordedBy,
            Instant recordedAt) {}

    /** Serialises notices for one pupil, so two people recording at once cannot both slip under the cap. */
    public void lockPupil(long pupilId) {
        jdbc.prepareStatement("SELECT id FROM pupil WHERE id = ? FOR UPDATE", ps -> {
            ps.setLong(1, pupilId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        });
    }

    public long insertNotice(NoticeRow n) {
        return Sql.insert(jdbc, "INSERT INTO penalty_notice (school_id, pupil_id, contact_id, parent_name, issued_on, notice_number, amount_pence, "
                + "reduced_amount_pence, reference, unauthorised_sessions, window_from, window_to, note, recorded_by, recorded_at) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", n.schoolId(), n.pupilId(), n.contactId(), n.parentName(), n.issuedOn(),
                n.noticeNumber(), n.amountPence(), n.reducedAmountPence(), n.reference(), n.unauthorisedSessions(), n.windowFrom(), n.windowTo(),
                n.note(), n.recordedBy(), n.recordedAt());
    }

    public List<NoticeRow> noticesOfPupils(long schoolId, List<Long> pupilIds) {
        if (pupilIds.isEmpty()) {
            return List.of();
        }
        return jdbc.prepareStatement("SELECT * FROM penalty_notice WHERE school_id = ? AND pupil_id IN (" + Sql.ids(pupilIds) + ") ORDER BY issued_on, id",
                ps -> {
                    ps.setLong(1, schoolId);
                    return readNotices(ps);
                });
    }

    public boolean insertReturnMade(ReturnMadeRow r) {
        return jdbc.prepareStatement("INSERT IGNORE INTO la_return_made (school_id, pupil_id, kind, trigger_key, made_on, reference, recorded_by, "
                + "recorded_at) VALUES (?,?,?,?,?,?,?,?)", ps -> {
                    Sql.bind(ps, r.schoolId(), r.pupilId(), r.kind(), r.triggerKey(), r.madeOn(), r.reference(), r.recordedBy(), r.recordedAt());
                    return ps.executeUpdate() == 1;
                });
    }

    public List<ReturnMadeRow> returnsMade(long schoolId) {
        return jdbc.prepareStatement("SELECT * FROM la_return_made WHERE school_id = ?", ps -> {
            ps.setLong(1, schoolId);
            List<ReturnMadeRow> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ReturnMadeRow(rs.getLong("school_id"), rs.getLong("pupil_id"), rs.getString("kind"), rs.getString("trigger_key"),
                            Sql.date(rs, "made_on"), rs.getString("reference"), rs.getString("recorded_by"), Sql.instant(rs, "recorded_at")));
                }
            }
            return out;
        });
    }

    private static List<NoticeRow> readNotices(PreparedStatement ps) throws SQLException {
        List<NoticeRow> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Integer reduced = rs.getObject("reduced_amount_pence") == null ? null : rs.getInt("reduced_amount_pence");
                Integer sessions = rs.getObject("unauthorised_sessions") == null ? null : rs.getInt("unauthorised_sessions");
                out.add(new NoticeRow(rs.getLong("id"), rs.getLong("school_id"), rs.getLong("pupil_id"), rs.getLong("contact_id"),
                        rs.getString("parent_name"), Sql.date(rs, "issued_on"), rs.getInt("notice_number"), rs.getInt("amount_pence"), reduced,
                        rs.getString("reference"), sessions, Sql.date(rs, "window_from"), Sql.date(rs, "window_to"), rs.getString("note"),
                        rs.getString("recorded_by"), Sql.instant(rs, "recorded_at")));
            }
        }
        return out;
    }
}
