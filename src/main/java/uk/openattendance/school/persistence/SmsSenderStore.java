package uk.openattendance.school.persistence;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.Optional;

/** The sms_sender columns of school and trust (V023), outside the mapped rows so saving a school's details keeps them. */
@Singleton
@Connectable
public class SmsSenderStore {
    /** The school or the trust a sender belongs to: exactly one of the two is set. */
    public record Owner(Long schoolId, Long trustId) {}

    private final JdbcOperations jdbc;

    public SmsSenderStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> ofSchool(long schoolId) {
        return one("SELECT sms_sender FROM school WHERE id = ?", schoolId);
    }

    public Optional<String> ofTrust(long trustId) {
        return one("SELECT sms_sender FROM trust WHERE id = ?", trustId);
    }

    /** Returns false when there is no such school; a sender another school has breaks uq_school_sms_sender. */
    public boolean setForSchool(long schoolId, String sender) {
        return set("UPDATE school SET sms_sender = ? WHERE id = ?", schoolId, sender);
    }

    public boolean setForTrust(long trustId, String sender) {
        return set("UPDATE trust SET sms_sender = ? WHERE id = ?", trustId, sender);
    }

    public Optional<Owner> ownerOf(String sender) {
        return jdbc.prepareStatement("SELECT id, NULL FROM school WHERE sms_sender = ? UNION ALL SELECT NULL, id FROM trust WHERE sms_sender = ?", ps -> {
            ps.setString(1, sender);
            ps.setString(2, sender);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long s = rs.getLong(1);
                Long school = rs.wasNull() ? null : s;
                long t = rs.getLong(2);
                Long trust = rs.wasNull() ? null : t;
                return Optional.of(new Owner(school, trust));
            }
        });
    }

    public java.util.Set<Long> schoolsOfTrust(long trustId) {
        return jdbc.prepareStatement("SELECT id FROM school WHERE trust_id = ?", ps -> {
            ps.setLong(1, trustId);
            java.util.Set<Long> ids = new java.util.LinkedHashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        });
    }

    private Optional<String> one(String sql, long id) {
        return jdbc.prepareStatement(sql, ps -> {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        });
    }

    private boolean set(String sql, long id, String sender) {
        return jdbc.prepareStatement(sql, ps -> {
            ps.setString(1, sender);
            ps.setLong(2, id);
            return ps.executeUpdate() == 1;
        });
    }
}
