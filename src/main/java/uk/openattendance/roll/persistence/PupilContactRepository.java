package uk.openattendance.roll.persistence;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface PupilContactRepository extends CrudRepository<PupilContactRow, Long> {
    List<PupilContactRow> findByPupilIdInOrderByPriority(Collection<Long> pupilIds);

    List<PupilContactRow> findBySchoolId(long schoolId);

    List<PupilContactRow> findByIdIn(Collection<Long> ids);

    List<PupilContactRow> findByContactIdIn(Collection<Long> contactIds);
}
