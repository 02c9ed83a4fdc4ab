package uk.openattendance.statutory.persistence;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import uk.openattendance.platform.db.Sql;

/** Penalty notices and local-authority returns made: the school's own record of its statutory steps. */
@Singleton
@Connectable
public class StatutoryStore {
    private final Sql sql;

    public StatutoryStore(JdbcOperations jdbc) {
        this.sql = Sql.on(jdbc);
    }

    public record NoticeRow(long id, long schoolId, long pupilId, long contactId, String parentName, LocalDate issuedOn, int noticeNumber,
            int amountPence, Integer reducedAmountPence, String reference, Integer unauthorisedSessions, LocalDate windowFrom, LocalDate windowTo,
            String note, String recordedBy, Instant recordedAt) {}

    public record ReturnMadeRow(long schoolId, long pupilId, String kind, String triggerKey, LocalDate madeOn, String reference, String recordedBy,
            Instant recordedAt) {}

    /** Serialises notices for one pupil, so two people recording at once cannot both slip under the cap. */
    public void lockPupil(long pupilId) {
        sql.query("SELECT id FROM pupil WHERE id = :pupil FOR UPDATE", Sql.params("pupil", pupilId)).optional(rs -> rs.getLong("id"));
    }

    public long insertNotice(NoticeRow n) {
        return sql.insert("INSERT INTO penalty_notice (school_id, pupil_id, contact_id, parent_name, issued_on, notice_number, amount_pence, "
                + "reduced_amount_pence, reference, unauthorised_sessions, window_from, window_to, note, recorded_by, recorded_at) "
                + "VALUES (:school, :pupil, :contact, :parent, :issued, :number, :amount, :reduced, :reference, :sessions, :from, :to, :note, :by, :at)",
                Sql.params("school", n.schoolId()).and("pupil", n.pupilId()).and("contact", n.contactId()).and("parent", n.parentName())
                        .and("issued", n.issuedOn()).and("number", n.noticeNumber()).and("amount", n.amountPence()).and("reduced", n.reducedAmountPence())
                        .and("reference", n.reference()).and("sessions", n.unauthorisedSessions()).and("from", n.windowFrom()).and("to", n.windowTo())
                        .and("note", n.note()).and("by", n.recordedBy()).and("at", n.recordedAt()));
    }

    public List<NoticeRow> noticesOfPupils(long schoolId, List<Long> pupilIds) {
        if (pupilIds.isEmpty()) {
            return List.of();
        }
        return sql.query("SELECT * FROM penalty_notice WHERE school_id = :school AND pupil_id IN (:pupils) ORDER BY issued_on, id",
                Sql.params("school", schoolId).and("pupils", pupilIds)).list(StatutoryStore::notice);
    }

    public boolean insertReturnMade(ReturnMadeRow r) {
        return sql.update("INSERT IGNORE INTO la_return_made (school_id, pupil_id, kind, trigger_key, made_on, reference, recorded_by, recorded_at) "
                + "VALUES (:school, :pupil, :kind, :trigger, :made, :reference, :by, :at)", Sql.params("school", r.schoolId()).and("pupil", r.pupilId())
                        .and("kind", r.kind()).and("trigger", r.triggerKey()).and("made", r.madeOn()).and("reference", r.reference())
                        .and("by", r.recordedBy()).and("at", r.recordedAt())) == 1;
    }

    public List<ReturnMadeRow> returnsMade(long schoolId) {
        return sql.query("SELECT * FROM la_return_made WHERE school_id = :school", Sql.params("school", schoolId))
                .list(rs -> new ReturnMadeRow(rs.getLong("school_id"), rs.getLong("pupil_id"), rs.getString("kind"), rs.getString("trigger_key"),
                        Sql.date(rs, "made_on"), rs.getString("reference"), rs.getString("recorded_by"), Sql.instant(rs, "recorded_at")));
    }

    private static NoticeRow notice(ResultSet rs) throws SQLException {
        return new NoticeRow(rs.getLong("id"), rs.getLong("school_id"), rs.getLong("pupil_id"), rs.getLong("contact_id"),
                rs.getString("parent_name"), Sql.date(rs, "issued_on"), rs.getInt("notice_number"), rs.getInt("amount_pence"),
                Sql.nullableInt(rs, "reduced_amount_pence"), rs.getString("reference"), Sql.nullableInt(rs, "unauthorised_sessions"),
                Sql.date(rs, "window_from"), Sql.date(rs, "window_to"), rs.getString("note"), rs.getString("recorded_by"), Sql.instant(rs, "recorded_at"));
    }
}
