package uk.openattendance.roll.persistence;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import uk.openattendance.platform.db.Sql;

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

    private final Sql sql;

    public RollReads(JdbcOperations jdbc) {
        this.sql = Sql.on(jdbc);
    }

    /** Every pupil the school has a record of, on roll or not (as PupilRepository.findBySchoolId). */
    public List<PupilRow> ofSchool(long schoolId) {
        return sql.query("SELECT " + COLUMNS + " FROM pupil WHERE school_id = :school", Sql.params("school", schoolId)).list(RollReads::row);
    }

    private static PupilRow row(ResultSet rs) throws SQLException {
        return new PupilRow(rs.getLong("id"), rs.getLong("school_id"), rs.getString("upn"), rs.getString("legal_forename"), rs.getString("legal_surname"),
                rs.getString("preferred_forename"), rs.getString("preferred_surname"), Sql.date(rs, "date_of_birth"), rs.getString("sex"),
                rs.getString("year_group"), rs.getLong("register_group_id"), rs.getString("form"), rs.getString("house"), Sql.date(rs, "start_date"),
                Sql.date(rs, "leaving_date"), rs.getBoolean("pupil_premium"), rs.getString("send_status"), rs.getBoolean("free_school_meals"),
                rs.getBoolean("eal"), rs.getBoolean("looked_after"), rs.getBoolean("child_in_need"), rs.getBoolean("has_social_worker"),
                rs.getBoolean("young_carer"), rs.getBoolean("vulnerable"), Sql.nullableLong(rs, "version"));
    }
}
