package uk.openattendance.platform.idempotency.persistence;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface IdempotencyRepository extends CrudRepository<IdempotencyRow, Long> {
    Optional<IdempotencyRow> findByCallerAndIdemKey(String caller, String idemKey);
}
