package uk.openattendance.security.persistence;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface ApiClientRepository extends CrudRepository<ApiClientRow, Long> {
    Optional<ApiClientRow> findByKeyPrefix(String keyPrefix);
}
