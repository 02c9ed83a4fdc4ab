package uk.openattendance.security.persistence;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import uk.openattendance.platform.db.Sql;

/** One-time password links, kept as SHA-256 hashes of their tokens. */
@Singleton
@Connectable
public class PasswordTokenStore {
    public record TokenRow(long id, long staffId, String purpose, Instant expiresAt, Instant usedAt) {}

    private final JdbcOperations jdbc;

    public PasswordTokenStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** A new token for the account; any earlier one not yet used stops working (only the latest email's link is good). */
    public void replace(long staffId, String tokenHash, String purpose, Instant now, Instant expiresAt) {
        jdbc.prepareStatement("UPDATE password_token SET used_at = ? WHERE staff_id = ? AND used_at IS NULL", ps -> {
            Sql.bind(ps, now, staffId);
            return ps.executeUpdate();
        });
        jdbc.prepareStatement("INSERT INTO password_token (staff_id, token_hash, purpose, created_at, expires_at) VALUES (?,?,?,?,?)", ps -> {
            Sql.bind(ps, staffId, tokenHash, purpose, now, expiresAt);
            return ps.executeUpdate();
        });
    }

    /** The token's row, locked until the transaction ends so two uses at once are one use. */
    public Optional<TokenRow> lock(String tokenHash) {
        return jdbc.prepareStatement("SELECT id, staff_id, purpose, expires_at, used_at FROM password_token WHERE token_hash = ? FOR UPDATE", ps -> {
            Sql.bind(ps, tokenHash);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Timestamp used = rs.getTimestamp(5);
                return Optional.of(new TokenRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                        used == null ? null : used.toInstant()));
            }
        });
    }

    public void markUsed(long id, Instant now) {
        jdbc.prepareStatement("UPDATE password_token SET used_at = ? WHERE id = ?", ps -> {
            Sql.bind(ps, now, id);
            return ps.executeUpdate();
        });
    }
}
