package uk.openattendance.parent.persistence;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;
import uk.openattendance.platform.db.Sql;

/** One-time codes parents receive: only a hash is kept, with an expiry and a count of wrong guesses. */
@Singleton
@Connectable
public class ChallengeStore {
    public record ChallengeRow(long id, String token, long schoolId, Long contactId, String codeHash, Instant expiresAt, int attempts, Instant usedAt) {}

    private final Sql sql;

    public ChallengeStore(JdbcOperations jdbc) {
        this.sql = Sql.on(jdbc);
    }

    public void create(String token, long schoolId, Long contactId, String codeHash, Instant expiresAt, Instant now) {
        sql.update("INSERT INTO parent_challenge (token, school_id, contact_id, code_hash, expires_at, created_at) "
                + "VALUES (:token, :school, :contact, :hash, :expires, :now)", Sql.params("token", token).and("school", schoolId).and("contact", contactId)
                        .and("hash", codeHash).and("expires", expiresAt).and("now", now));
    }

    /** How many codes were asked for this contact since a moment: at most a few an hour, so codes cannot be farmed. */
    public int recentFor(long contactId, Instant since) {
        return sql.query("SELECT COUNT(*) AS codes FROM parent_challenge WHERE contact_id = :contact AND created_at >= :since",
                Sql.params("contact", contactId).and("since", since)).optional(rs -> rs.getInt("codes")).orElse(0);
    }

    public Optional<ChallengeRow> byToken(String token) {
        return sql.query("SELECT id, token, school_id, contact_id, code_hash, expires_at, attempts, used_at FROM parent_challenge WHERE token = :token",
                Sql.params("token", token)).optional(rs -> new ChallengeRow(rs.getLong("id"), rs.getString("token"), rs.getLong("school_id"),
                        Sql.nullableLong(rs, "contact_id"), rs.getString("code_hash"), Sql.instant(rs, "expires_at"), rs.getInt("attempts"),
                        Sql.instant(rs, "used_at")));
    }

    public void wrongGuess(long id) {
        sql.update("UPDATE parent_challenge SET attempts = attempts + 1 WHERE id = :id", Sql.params("id", id));
    }

    /** Uses the code once; false when it was already used. */
    public boolean use(long id, Instant now) {
        return sql.update("UPDATE parent_challenge SET used_at = :now WHERE id = :id AND used_at IS NULL", Sql.params("now", now).and("id", id)) == 1;
    }
}
