package uk.openattendance.absence.persistence;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import uk.openattendance.platform.db.RowMapper;
import uk.openattendance.platform.db.Sql;
import uk.openattendance.platform.db.UnionRead;

@Singleton
@Connectable
public class AbsenceReportStore {
    private static final String COLUMNS = "id, school_id, report_group, pupil_id, first_date, first_session, last_date, last_session, expected_return, "
            + "category, suggested_code, reason, channel, contact_id, evidence_to_follow, status, recorded_by, recorded_at, inbound_sms_id";

    private static final RowMapper<AbsenceReportRow> ROW = rs -> new AbsenceReportRow(rs.getLong("id"), rs.getLong("school_id"),
            rs.getString("report_group"), rs.getLong("pupil_id"), Sql.date(rs, "first_date"), rs.getString("first_session"), Sql.date(rs, "last_date"),
            rs.getString("last_session"), Sql.date(rs, "expected_return"), rs.getString("category"), rs.getString("suggested_code"), rs.getString("reason"),
            rs.getString("channel"), Sql.nullableLong(rs, "contact_id"), rs.getBoolean("evidence_to_follow"), AbsenceReportStatus.valueOf(rs.getString("status")),
            rs.getString("recorded_by"), Sql.instant(rs, "recorded_at"), Sql.nullableLong(rs, "inbound_sms_id"));

    private final Sql sql;

    public AbsenceReportStore(JdbcOperations jdbc) {
        this.sql = Sql.on(jdbc);
    }

    public List<Long> insert(List<AbsenceReportRow> rows) {
        List<Long> ids = new ArrayList<>();
        for (AbsenceReportRow r : rows) {
            ids.add(sql.insert("INSERT INTO absence_report (school_id, report_group, pupil_id, first_date, first_session, last_date, last_session, "
                    + "expected_return, category, suggested_code, reason, channel, contact_id, evidence_to_follow, status, recorded_by, recorded_at, inbound_sms_id) "
                    + "VALUES (:school, :group, :pupil, :firstDate, :firstSession, :lastDate, :lastSession, :expectedReturn, :category, :code, :reason, "
                    + ":channel, :contact, :evidence, :status, :by, :at, :sms)", Sql.params("school", r.schoolId()).and("group", r.reportGroup())
                            .and("pupil", r.pupilId()).and("firstDate", r.firstDate()).and("firstSession", r.firstSession()).and("lastDate", r.lastDate())
                            .and("lastSession", r.lastSession()).and("expectedReturn", r.expectedReturn()).and("category", r.category())
                            .and("code", r.suggestedCode()).and("reason", r.reason()).and("channel", r.channel()).and("contact", r.contactId())
                            .and("evidence", r.evidenceToFollow()).and("status", r.status()).and("by", r.recordedBy()).and("at", r.recordedAt())
                            .and("sms", r.inboundSmsId())));
        }
        return ids;
    }

    /** Active reports of the school that touch this date (any of these pupils, or all when pupilIds is empty). */
    public List<AbsenceReportRow> touching(long schoolId, LocalDate from, LocalDate to) {
        return sql.query("SELECT " + COLUMNS + " FROM absence_report WHERE school_id = :school AND status = :active AND first_date <= :to "
                + "AND last_date >= :from ORDER BY id", Sql.params("school", schoolId).and("active", AbsenceReportStatus.ACTIVE).and("to", to).and("from", from))
                .list(ROW);
    }

    /** {@link #touching} over one date and some pupils, as a part of the register's combined read (UnionRead). */
    public static UnionRead.Part<AbsenceReportRow> touchingPart(long schoolId, LocalDate date, Collection<Long> pupilIds) {
        return new UnionRead.Part<>(List.of(COLUMNS.split(", ")), "FROM absence_report WHERE school_id = :school AND status = :active "
                + "AND first_date <= :date AND last_date >= :date AND pupil_id IN (:pupils) ORDER BY id",
                Sql.params("school", schoolId).and("active", AbsenceReportStatus.ACTIVE).and("date", date).and("pupils", pupilIds),
                v -> new AbsenceReportRow(v.id(0), v.id(1), v.text(2), v.id(3), v.date(4), v.text(5), v.date(6), v.text(7), v.date(8), v.text(9), v.text(10),
                        v.text(11), v.text(12), v.optionalId(13), v.bool(14), AbsenceReportStatus.valueOf(v.text(15)), v.text(16), v.instant(17), v.optionalId(18)));
    }

    public List<AbsenceReportRow> ofPupil(long pupilId) {
        return sql.query("SELECT " + COLUMNS + " FROM absence_report WHERE pupil_id = :pupil ORDER BY first_date DESC, id DESC LIMIT 200",
                Sql.params("pupil", pupilId)).list(ROW);
    }

    public List<AbsenceReportRow> byIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return sql.query("SELECT " + COLUMNS + " FROM absence_report WHERE id IN (:ids) ORDER BY id", Sql.params("ids", ids)).list(ROW);
    }
}
