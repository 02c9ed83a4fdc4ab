package uk.openattendance.roll.persistence;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface PupilRepository extends CrudRepository<PupilRow, Long> {
    Optional<PupilRow> findBySchoolIdAndUpn(long schoolId, String upn);

    List<PupilRow> findBySchoolId(long schoolId);

    List<PupilRow> findByIdIn(Collection<Long> ids);

    List<PupilRow> findBySchoolId(long schoolId, io.micronaut.data.model.Pageable pageable);

    long countBySchoolId(long schoolId);

    List<PupilRow> findBySchoolIdAndRegisterGroupId(long schoolId, long registerGroupId, io.micronaut.data.model.Pageable pageable);

    long countBySchoolIdAndRegisterGroupId(long schoolId, long registerGroupId);
}
