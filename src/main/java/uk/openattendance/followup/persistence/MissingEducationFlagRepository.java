package uk.openattendance.followup.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.LocalDate;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface MissingEducationFlagRepository extends CrudRepository<MissingEducationFlagRow, Long> {
    /** The school's flags, the latest first. */
    List<MissingEducationFlagRow> findBySchoolIdOrderByFlaggedOnDesc(long schoolId);

    /**
     * Flags a pupil once per first day of the window (uq_missing_education_flag): 1 when the flag is new, 0 when it was
     * already there. One statement, so two checks of the same day cannot both see "new" (a read then a save could).
     */
    @Query("INSERT IGNORE INTO missing_education_flag (school_id, pupil_id, since_date, flagged_on, school_days) "
            + "VALUES (:schoolId, :pupilId, :sinceDate, :flaggedOn, :schoolDays)")
    int insertIfNew(long schoolId, long pupilId, LocalDate sinceDate, LocalDate flaggedOn, int schoolDays);
}
