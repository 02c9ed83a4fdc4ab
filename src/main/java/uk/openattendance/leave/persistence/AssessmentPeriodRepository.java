package uk.openattendance.leave.persistence;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface AssessmentPeriodRepository extends CrudRepository<AssessmentPeriodRow, Long> {
    List<AssessmentPeriodRow> findBySchoolIdOrderByStartsOn(long schoolId);
}
