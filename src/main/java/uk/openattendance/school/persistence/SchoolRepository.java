package uk.openattendance.school.persistence;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface SchoolRepository extends CrudRepository<SchoolRow, Long> {
    List<SchoolRow> findByTrustId(long trustId);

    /** Ids only: read on every request of a trust-wide caller. */
    List<Long> findIdByTrustId(long trustId);

    List<SchoolRow> findByIdInOrderByName(Collection<Long> ids);

    Optional<SchoolRow> findByUrn(String urn);
}
