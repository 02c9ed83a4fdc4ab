package uk.openattendance.security.persistence;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;
import uk.openattendance.platform.db.Sql;

/** One-time password links, kept as SHA-256 hashes of their tokens. */
@Singleton
@Connectable
public class PasswordTokenStore {
    public record TokenRow(long id, long staffId, String purpose, Instant expiresAt, Instant usedAt) {}

    private final Sql sql;

    public PasswordTokenStore(JdbcOperations jdbc) {
        this.sql = Sql.on(jdbc);
    }

    /** A new token for the account; any earlier one not yet used stops working (only the latest email's link is good). */
    public void replace(long staffId, String tokenHash, String purpose, Instant now, Instant expiresAt) {
        sql.update("UPDATE password_token SET used_at = :now WHERE staff_id = :staff AND used_at IS NULL", Sql.params("now", now).and("staff", staffId));
        sql.update("INSERT INTO password_token (staff_id, token_hash, purpose, created_at, expires_at) VALUES (:staff, :hash, :purpose, :now, :expires)",
                Sql.params("staff", staffId).and("hash", tokenHash).and("purpose", purpose).and("now", now).and("expires", expiresAt));
    }

    /** The token's row, locked until the transaction ends so two uses at once are one use. */
    public Optional<TokenRow> lock(String tokenHash) {
        return sql.query("SELECT id, staff_id, purpose, expires_at, used_at FROM password_token WHERE token_hash = :hash FOR UPDATE", Sql.params("hash", tokenHash))
                .optional(rs -> new TokenRow(rs.getLong("id"), rs.getLong("staff_id"), rs.getString("purpose"), Sql.instant(rs, "expires_at"),
                        Sql.instant(rs, "used_at")));
    }

    public void markUsed(long id, Instant now) {
        sql.update("UPDATE password_token SET used_at = :now WHERE id = :id", Sql.params("now", now).and("id", id));
    }
}
