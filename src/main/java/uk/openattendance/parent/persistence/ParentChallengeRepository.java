package uk.openattendance.parent.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface ParentChallengeRepository extends CrudRepository<ParentChallengeRow, Long> {
    Optional<ParentChallengeRow> findByToken(String token);

    /** How many codes were asked for this contact since a moment: at most a few an hour, so codes cannot be farmed. */
    long countByContactIdAndCreatedAtGreaterThanEquals(long contactId, Instant since);

    /** Counts a wrong guess in the row itself, so guesses made at once are all counted. */
    @Query("UPDATE parent_challenge SET attempts = attempts + 1 WHERE id = :id")
    long wrongGuess(long id);

    /** Uses the code once: 1 when this call used it, 0 when it was already used (two verifications at once are one). */
    @Query("UPDATE parent_challenge SET used_at = :now WHERE id = :id AND used_at IS NULL")
    long use(long id, Instant now);
}
