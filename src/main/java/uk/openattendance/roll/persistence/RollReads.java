package uk.openattendance.roll.persistence;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A whole school's roll in one plain read. The year-to-date figures and every whole-school list start from it; read
 * through the repository, building 1,000 entities through their introspection took longer than the query.
 */
@Singleton
@Connectable
public class RollReads {
    private static final String COLUMNS = "id, school_id, upn, legal_forename, legal_surname, preferred_forename, preferred_surname, date_of_birth, sex, "
            + "year_group, register_group_id, form, house, start_date, leaving_date, pupil_premium, send_status, free_school_meals, eal, looked_after, "
            + "child_in_need, has_social_worker, young_carer, vulnerable, version";

    private final JdbcOperations jdbc;

    public RollReads(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Every pupil the school has a record of, on roll or not (as PupilRepository.findBySchoolId). */
    public List<PupilRow> ofSchool(long schoolId) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM pupil WHERE school_id = ?", ps -> {
            ps.setLong(1, schoolId);
            List<PupilRow> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
            return out;
        });
    }

    private static PupilRow row(ResultSet rs) throws SQLException {
        long version = rs.getLong(25);
        Long v = rs.wasNull() ? null : version;
        return new PupilRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                rs.getObject(8, LocalDate.class), rs.getString(9), rs.getString(10), rs.getLong(11), rs.getString(12), rs.getString(13),
                rs.getObject(14, LocalDate.class), rs.getObject(15, LocalDate.class), rs.getBoolean(16), rs.getString(17), rs.getBoolean(18),
                rs.getBoolean(19), rs.getBoolean(20), rs.getBoolean(21), rs.getBoolean(22), rs.getBoolean(23), rs.getBoolean(24), v);
    }
}
