package uk.openattendance.parent.persistence;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;

/** One-time codes parents receive: only a hash is kept, with an expiry and a count of wrong guesses. */
@Singleton
@Connectable
public class ChallengeStore {
    public record ChallengeRow(long id, String token, long schoolId, Long contactId, String codeHash, Instant expiresAt, int attempts, Instant usedAt) {}

    private final JdbcOperations jdbc;

    public ChallengeStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public void create(String token, long schoolId, Long contactId, String codeHash, Instant expiresAt, Instant now) {
        jdbc.prepareStatement("INSERT INTO parent_challenge (token, school_id, contact_id, code_hash, expires_at, created_at) VALUES (?,?,?,?,?,?)", ps -> {
            ps.setString(1, token);
            ps.setLong(2, schoolId);
            if (contactId == null) {
                ps.setNull(3, Types.BIGINT);
            } else {
                ps.setLong(3, contactId);
            }
            ps.setString(4, codeHash);
            ps.setTimestamp(5, Timestamp.from(expiresAt));
            ps.setTimestamp(6, Timestamp.from(now));
            return ps.executeUpdate();
        });
    }

    /** How many codes were asked for this contact since a moment: at most a few an hour, so codes cannot be farmed. */
    public int recentFor(long contactId, Instant since) {
        return jdbc.prepareStatement("SELECT COUNT(*) FROM parent_challenge WHERE contact_id = ? AND created_at >= ?", ps -> {
            ps.setLong(1, contactId);
            ps.setTimestamp(2, Timestamp.from(since));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    public Optional<ChallengeRow> byToken(String token) {
        return jdbc.prepareStatement("SELECT id, token, school_id, contact_id, code_hash, expires_at, attempts, used_at FROM parent_challenge WHERE token = ?",
                ps -> {
                    ps.setString(1, token);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            return Optional.empty();
                        }
                        long c = rs.getLong(4);
                        Long contact = rs.wasNull() ? null : c;
                        Timestamp used = rs.getTimestamp(8);
                        return Optional.of(new ChallengeRow(rs.getLong(1), rs.getString(2), rs.getLong(3), contact, rs.getString(5),
                                rs.getTimestamp(6).toInstant(), rs.getInt(7), used == null ? null : used.toInstant()));
                    }
                });
    }

    public void wrongGuess(long id) {
        jdbc.prepareStatement("UPDATE parent_challenge SET attempts = attempts + 1 WHERE id = ?", ps -> {
            ps.setLong(1, id);
            return ps.executeUpdate();
        });
    }

    /** Uses the code once; false when it was already used. */
    public boolean use(long id, Instant now) {
        return jdbc.prepareStatement("UPDATE parent_challenge SET used_at = ? WHERE id = ? AND used_at IS NULL", ps -> {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setLong(2, id);
            return ps.executeUpdate() == 1;
        });
    }
}
