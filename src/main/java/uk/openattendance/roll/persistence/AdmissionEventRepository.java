package uk.openattendance.roll.persistence;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface AdmissionEventRepository extends CrudRepository<AdmissionEventRow, Long> {
    List<AdmissionEventRow> findByPupilIdOrderById(long pupilId);

    List<AdmissionEventRow> findBySchoolIdOrderByLaReturnDueOn(long schoolId);
}
