package uk.openattendance.school.persistence;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface RegisterGroupRepository extends CrudRepository<RegisterGroupRow, Long> {
    List<RegisterGroupRow> findBySchoolIdOrderBySortOrder(long schoolId);

    List<RegisterGroupRow> findBySchoolIdInOrderBySortOrder(Collection<Long> schoolIds);

    List<RegisterGroupRow> findByIdIn(Collection<Long> ids);
}
