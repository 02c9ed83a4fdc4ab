package uk.openattendance.security.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface PasswordTokenRepository extends CrudRepository<PasswordTokenRow, Long> {
    /** Stops the account's unused links working, before a new one is saved: only the latest email's link is good. */
    @Query("UPDATE password_token SET used_at = :now WHERE staff_id = :staffId AND used_at IS NULL")
    long retireUnused(long staffId, Instant now);

    /** The token's row, locked until the transaction ends (SELECT ... FOR UPDATE). */
    Optional<PasswordTokenRow> findByTokenHashForUpdate(String tokenHash);

    /** Uses the link once: 1 when this call used it, 0 when it was already used. */
    @Query("UPDATE password_token SET used_at = :now WHERE id = :id AND used_at IS NULL")
    long use(long id, Instant now);
}
