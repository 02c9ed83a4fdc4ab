package uk.openattendance.security.persistence;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;
import uk.openattendance.platform.db.Sql;

/** Failure counts and lockouts per hashed key, in the database so that every replica counts the same failures. */
@Singleton
@Connectable
public class SignInThrottleStore {
    public record ThrottleRow(int failures, Instant lockedUntil, Instant updatedAt) {}

    private final Sql sql;

    public SignInThrottleStore(JdbcOperations jdbc) {
        this.sql = Sql.on(jdbc);
    }

    /** The moment this key is locked until, if it is locked or was. */
    public Optional<Instant> lockedUntil(String kind, String keyHash) {
        return sql.query("SELECT locked_until FROM sign_in_throttle WHERE key_kind = :kind AND key_hash = :hash", Sql.params("kind", kind).and("hash", keyHash))
                .optional(rs -> Sql.instant(rs, "locked_until"));
    }

    /**
     * Makes sure the key's row exists and holds its row lock until the transaction ends, so two replicas counting a
     * failure for the same key at once are serialised (an upsert takes the exclusive lock at once; INSERT IGNORE would
     * take a shared one first and the two could deadlock upgrading it).
     */
    public ThrottleRow lockRow(String kind, String keyHash, Instant now) {
        Sql.Params key = Sql.params("kind", kind).and("hash", keyHash);
        sql.update("INSERT INTO sign_in_throttle (key_kind, key_hash, failures, locked_until, updated_at) VALUES (:kind, :hash, 0, NULL, :now) "
                + "ON DUPLICATE KEY UPDATE failures = failures", Sql.params("kind", kind).and("hash", keyHash).and("now", now));
        return sql.query("SELECT failures, locked_until, updated_at FROM sign_in_throttle WHERE key_kind = :kind AND key_hash = :hash FOR UPDATE", key)
                .optional(rs -> new ThrottleRow(rs.getInt("failures"), Sql.instant(rs, "locked_until"), Sql.instant(rs, "updated_at"))).orElseThrow();
    }

    public void write(String kind, String keyHash, int failures, Instant lockedUntil, Instant now) {
        sql.update("UPDATE sign_in_throttle SET failures = :failures, locked_until = :lockedUntil, updated_at = :now WHERE key_kind = :kind AND key_hash = :hash",
                Sql.params("failures", failures).and("lockedUntil", lockedUntil).and("now", now).and("kind", kind).and("hash", keyHash));
    }

    public void forget(String kind, String keyHash) {
        sql.update("DELETE FROM sign_in_throttle WHERE key_kind = :kind AND key_hash = :hash", Sql.params("kind", kind).and("hash", keyHash));
    }
}
