package uk.openattendance.absence.persistence;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import uk.openattendance.platform.db.Sql;
import uk.openattendance.platform.db.UnionRead;

@Singleton
@Connectable
public class AbsenceReportStore {
    private static final String COLUMNS = "id, school_id, report_group, pupil_id, first_date, first_session, last_date, last_session, expected_return, "
            + "category, suggested_code, reason, channel, contact_id, evidence_to_follow, status, recorded_by, recorded_at, inbound_sms_id";

    private final JdbcOperations jdbc;

    public AbsenceReportStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public List<Long> insert(List<AbsenceReportRow> rows) {
        List<Long> ids = new ArrayList<>();
        for (AbsenceReportRow r : rows) {
            ids.add(jdbc.prepareStatement("INSERT INTO absence_report (school_id, report_group, pupil_id, first_date, first_session, last_date, last_session, "
                    + "expected_return, category, suggested_code, reason, channel, contact_id, evidence_to_follow, status, recorded_by, recorded_at, inbound_sms_id) "
                    + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", ps -> {
                        ps.setLong(1, r.schoolId());
                        ps.setString(2, r.reportGroup());
                        ps.setLong(3, r.pupilId());
                        ps.setDate(4, Date.valueOf(r.firstDate()));
                        ps.setString(5, r.firstSession());
                        ps.setDate(6, Date.valueOf(r.lastDate()));
                        ps.setString(7, r.lastSession());
                        ps.setDate(8, r.expectedReturn() == null ? null : Date.valueOf(r.expectedReturn()));
                        ps.setString(9, r.category());
                        ps.setString(10, r.suggestedCode());
                        ps.setString(11, r.reason());
                        ps.setString(12, r.channel());
                        Sql.setLong(ps, 13, r.contactId());
                        ps.setBoolean(14, r.evidenceToFollow());
                        ps.setString(15, r.status());
                        ps.setString(16, r.recordedBy());
                        ps.setTimestamp(17, Timestamp.from(r.recordedAt()));
                        Sql.setLong(ps, 18, r.inboundSmsId());
                        ps.executeUpdate();
                        return lastId(ps);
                    }));
        }
        return ids;
    }

    /** Active reports of the school that touch this date (any of these pupils, or all when pupilIds is empty). */
    public List<AbsenceReportRow> touching(long schoolId, LocalDate from, LocalDate to) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM absence_report WHERE school_id = ? AND status = 'ACTIVE' AND first_date <= ? "
                + "AND last_date >= ? ORDER BY id", ps -> {
                    ps.setLong(1, schoolId);
                    ps.setDate(2, Date.valueOf(to));
                    ps.setDate(3, Date.valueOf(from));
                    return read(ps);
                });
    }

    /** {@link #touching} over one date and some pupils, as a part of the register's combined read (UnionRead). */
    public static UnionRead.Part<AbsenceReportRow> touchingPart(long schoolId, LocalDate date, Collection<Long> pupilIds) {
        return new UnionRead.Part<>(List.of(COLUMNS.split(", ")), "FROM absence_report WHERE school_id = ? AND status = 'ACTIVE' AND first_date <= ? "
                + "AND last_date >= ? AND pupil_id IN (" + Sql.ids(pupilIds) + ") ORDER BY id", List.of(schoolId, date, date),
                v -> new AbsenceReportRow(v.id(0), v.id(1), v.text(2), v.id(3), v.date(4), v.text(5), v.date(6), v.text(7), v.date(8), v.text(9), v.text(10),
                        v.text(11), v.text(12), v.optionalId(13), v.bool(14), v.text(15), v.text(16), v.instant(17), v.optionalId(18)));
    }

    public List<AbsenceReportRow> ofPupil(long pupilId) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM absence_report WHERE pupil_id = ? ORDER BY first_date DESC, id DESC LIMIT 200", ps -> {
            ps.setLong(1, pupilId);
            return read(ps);
        });
    }

    public List<AbsenceReportRow> byIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String in = Sql.ids(ids);
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM absence_report WHERE id IN (" + in + ") ORDER BY id", AbsenceReportStore::read);
    }

    private static long lastId(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.getConnection().createStatement().executeQuery("SELECT LAST_INSERT_ID()")) {
            rs.next();
            return rs.getLong(1);
        }
    }


    private static List<AbsenceReportRow> read(PreparedStatement ps) throws SQLException {
        List<AbsenceReportRow> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Date ret = rs.getDate(9);
                long c = rs.getLong(14);
                Long contact = rs.wasNull() ? null : c;
                long s = rs.getLong(19);
                Long sms = rs.wasNull() ? null : s;
                out.add(new AbsenceReportRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getDate(5).toLocalDate(), rs.getString(6),
                        rs.getDate(7).toLocalDate(), rs.getString(8), ret == null ? null : ret.toLocalDate(), rs.getString(10), rs.getString(11),
                        rs.getString(12), rs.getString(13), contact, rs.getBoolean(15), rs.getString(16), rs.getString(17), rs.getTimestamp(18).toInstant(), sms));
            }
        }
        return out;
    }
}
