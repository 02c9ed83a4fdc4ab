package uk.openattendance.security.persistence;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import jakarta.inject.Singleton;
import uk.openattendance.platform.db.Sql;

/** Failure counts and lockouts per hashed key, in the database so that every replica counts the same failures. */
@Singleton
@Connectable
public class SignInThrottleStore {
    public record ThrottleRow(int failures, Instant lockedUntil, Instant updatedAt) {}

    private final JdbcOperations jdbc;

    public SignInThrottleStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The moment this key is locked until, if it is locked or was. */
    public Optional<Instant> lockedUntil(String kind, String keyHash) {
        return jdbc.prepareStatement("SELECT locked_until FROM sign_in_throttle WHERE key_kind = ? AND key_hash = ?", ps -> {
            Sql.bind(ps, kind, keyHash);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Timestamp t = rs.getTimestamp(1);
                return Optional.ofNullable(t).map(Timestamp::toInstant);
            }
        });
    }

    /**
     * Makes sure the key's row exists and holds its row lock until the transaction ends, so two replicas counting a
     * failure for the same key at once are serialised (an upsert takes the exclusive lock at once; INSERT IGNORE would
     * take a shared one first and the two could deadlock upgrading it).
     */
    public ThrottleRow lockRow(String kind, String keyHash, Instant now) {
        jdbc.prepareStatement("INSERT INTO sign_in_throttle (key_kind, key_hash, failures, locked_until, updated_at) VALUES (?, ?, 0, NULL, ?) "
                + "ON DUPLICATE KEY UPDATE failures = failures", ps -> {
                    Sql.bind(ps, kind, keyHash, now);
                    return ps.executeUpdate();
                });
        return jdbc.prepareStatement("SELECT failures, locked_until, updated_at FROM sign_in_throttle WHERE key_kind = ? AND key_hash = ? FOR UPDATE", ps -> {
            Sql.bind(ps, kind, keyHash);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Timestamp locked = rs.getTimestamp(2);
                return new ThrottleRow(rs.getInt(1), locked == null ? null : locked.toInstant(), rs.getTimestamp(3).toInstant());
            }
        });
    }

    public void write(String kind, String keyHash, int failures, Instant lockedUntil, Instant now) {
        jdbc.prepareStatement("UPDATE sign_in_throttle SET failures = ?, locked_until = ?, updated_at = ? WHERE key_kind = ? AND key_hash = ?", ps -> {
            Sql.bind(ps, failures, lockedUntil, now, kind, keyHash);
            return ps.executeUpdate();
        });
    }

    public void forget(String kind, String keyHash) {
        jdbc.prepareStatement("DELETE FROM sign_in_throttle WHERE key_kind = ? AND key_hash = ?", ps -> {
            Sql.bind(ps, kind, keyHash);
            return ps.executeUpdate();
        });
    }

    /** One refused sign-in: the account's id if it exists, else only a hash of what was typed; the address; the outcome. */
    public void audit(String signIn, Long staffId, String accountHash, String clientAddress, String outcome, Instant at) {
        jdbc.prepareStatement("INSERT INTO sign_in_audit (sign_in, staff_id, account_hash, client_address, outcome, attempted_at) VALUES (?,?,?,?,?,?)",
                ps -> {
                    Sql.bind(ps, signIn, staffId, accountHash, clientAddress.length() > 64 ? clientAddress.substring(0, 64) : clientAddress, outcome, at);
                    return ps.executeUpdate();
                });
    }
}
