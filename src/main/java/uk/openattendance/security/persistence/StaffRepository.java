package uk.openattendance.security.persistence;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface StaffRepository extends CrudRepository<StaffRow, Long> {
    Optional<StaffRow> findByEmail(String email);
}
