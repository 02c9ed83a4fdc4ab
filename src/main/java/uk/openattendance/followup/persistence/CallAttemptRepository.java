package uk.openattendance.followup.persistence;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface CallAttemptRepository extends CrudRepository<CallAttemptRow, Long> {
    /** The attempts on these cases (the caller's school's, read first), oldest first. */
    List<CallAttemptRow> findByCaseIdInOrderById(Collection<Long> caseIds);
}
