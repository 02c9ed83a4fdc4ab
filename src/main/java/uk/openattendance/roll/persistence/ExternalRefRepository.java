package uk.openattendance.roll.persistence;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface ExternalRefRepository extends CrudRepository<ExternalRefRow, Long> {
    List<ExternalRefRow> findBySchoolIdAndKind(long schoolId, String kind);

    List<ExternalRefRow> findBySchoolIdAndKindAndLocalIdIn(long schoolId, String kind, Collection<Long> localIds);
}
