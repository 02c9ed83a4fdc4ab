package uk.openattendance.notify.persistence;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import uk.openattendance.platform.db.Sql;

@Singleton
@Connectable
public class InboundStore {
    public record InboundRow(long id, String providerId, String from, String to, String body, Instant receivedAt, Long schoolId, Long contactId,
            String status, String reading, String reviewReason, String reply, String resolvedBy, Instant resolvedAt, String resolution,
            boolean actioned, boolean urgent, String reasons, String suggestions) {}

    private static final String COLUMNS = "id, provider_id, from_number, to_number, body, received_at, school_id, contact_id, status, reading, review_reason, "
            + "reply, resolved_by, resolved_at, resolution, actioned, urgent, reasons, suggestions";

    private final JdbcOperations jdbc;

    public InboundStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the text unless this provider id is already stored; returns the stored row either way. */
    public InboundRow store(String providerId, String from, String to, String body, Instant now) {
        int added = jdbc.prepareStatement("INSERT IGNORE INTO inbound_sms (provider_id, from_number, to_number, body, received_at, status) "
                + "VALUES (?,?,?,?,?,'RECEIVED')", ps -> {
                    ps.setString(1, providerId);
                    ps.setString(2, from);
                    ps.setString(3, to);
                    ps.setString(4, body);
                    ps.setTimestamp(5, Timestamp.from(now));
                    return ps.executeUpdate();
                });
        if (added == 1) {
            long id = jdbc.prepareStatement("SELECT LAST_INSERT_ID()", ps -> {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            return new InboundRow(id, providerId, from, to, body, now, null, null, "RECEIVED", null, null, null, null, null, null, false, false, null, null);
        }
        return byProviderId(providerId).orElseThrow();
    }

    public Optional<InboundRow> byProviderId(String providerId) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM inbound_sms WHERE provider_id = ?", ps -> {
            ps.setString(1, providerId);
            return read(ps).stream().findFirst();
        });
    }

    public Optional<InboundRow> byId(long id) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM inbound_sms WHERE id = ?", ps -> {
            ps.setLong(1, id);
            return read(ps).stream().findFirst();
        });
    }

    /**
     * Locks the text for processing inside the caller's transaction; a concurrent delivery of the same text waits here
     * until the first commits and then sees it processed. {@code skipLocked}: the sweeper passes a text being worked on.
     */
    public Optional<InboundRow> lockForProcessing(long id, boolean skipLocked) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM inbound_sms WHERE id = ? FOR UPDATE" + (skipLocked ? " SKIP LOCKED" : ""), ps -> {
            ps.setLong(1, id);
            return read(ps).stream().findFirst();
        });
    }

    /** Texts still RECEIVED that arrived before a moment: their processing died before it committed. */
    public List<Long> receivedBefore(Instant before, int limit) {
        return jdbc.prepareStatement("SELECT id FROM inbound_sms WHERE status = 'RECEIVED' AND received_at < ? ORDER BY received_at, id LIMIT ?", ps -> {
            ps.setTimestamp(1, Timestamp.from(before));
            ps.setInt(2, limit);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        });
    }

    /**
     * The text's outcome. {@code status} REVIEW when anything waits for a person (even if some of it was
     * {@code actioned} at once), ACTIONED when everything was dealt with; {@code reasons} and {@code suggestions} JSON.
     */
    public void processed(long id, Long schoolId, Long trustId, Long contactId, String status, String reading, String reviewReason, String reply,
            boolean actioned, boolean urgent, String reasons, String suggestions) {
        jdbc.prepareStatement("UPDATE inbound_sms SET school_id = ?, trust_id = ?, contact_id = ?, status = ?, reading = ?, review_reason = ?, reply = ?, "
                + "actioned = ?, urgent = ?, reasons = ?, suggestions = ? WHERE id = ?", ps -> {
            Sql.setLong(ps, 1, schoolId);
            Sql.setLong(ps, 2, trustId);
            Sql.setLong(ps, 3, contactId);
            ps.setString(4, status);
            ps.setString(5, cut(reading, 1000));
            ps.setString(6, cut(reviewReason, 300));
            ps.setString(7, cut(reply, 700));
            ps.setBoolean(8, actioned);
            ps.setBoolean(9, urgent);
            ps.setString(10, reasons);
            ps.setString(11, suggestions);
            ps.setLong(12, id);
            return ps.executeUpdate();
        });
    }

    /** Texts waiting for a person, urgent or not, and since when the oldest of each has waited (every school's: a metric). */
    public java.util.Map<Boolean, java.util.Map.Entry<Long, Instant>> waitingForReview() {
        return jdbc.prepareStatement("SELECT urgent, COUNT(*), MIN(received_at) FROM inbound_sms WHERE status = 'REVIEW' GROUP BY urgent", ps -> {
            java.util.Map<Boolean, java.util.Map.Entry<Long, Instant>> out = new java.util.HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getBoolean(1), java.util.Map.entry(rs.getLong(2), rs.getTimestamp(3).toInstant()));
                }
            }
            return out;
        });
    }

    /** A text of this school waiting for review, locked until the caller's transaction ends (an office accepting suggestions). */
    public Optional<InboundRow> lockInReview(long id, long schoolId) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM inbound_sms WHERE id = ? AND school_id = ? AND status = 'REVIEW' FOR UPDATE", ps -> {
            ps.setLong(1, id);
            ps.setLong(2, schoolId);
            return read(ps).stream().findFirst();
        });
    }

    public void suggestionsChanged(long id, String suggestions, boolean actioned) {
        jdbc.prepareStatement("UPDATE inbound_sms SET suggestions = ?, actioned = ? WHERE id = ?", ps -> {
            ps.setString(1, suggestions);
            ps.setBoolean(2, actioned);
            ps.setLong(3, id);
            return ps.executeUpdate();
        });
    }

    public boolean resolve(long id, Long schoolId, String by, String resolution, Instant now) {
        return jdbc.prepareStatement("UPDATE inbound_sms SET status = 'RESOLVED', resolved_by = ?, resolution = ?, resolved_at = ? WHERE id = ? "
                + "AND status = 'REVIEW' AND (school_id = ? OR (? IS NULL AND school_id IS NULL))", ps -> {
                    ps.setString(1, by);
                    ps.setString(2, cut(resolution, 1000));
                    ps.setTimestamp(3, Timestamp.from(now));
                    ps.setLong(4, id);
                    Sql.setLong(ps, 5, schoolId);
                    Sql.setLong(ps, 6, schoolId);
                    return ps.executeUpdate() == 1;
                });
    }

    public boolean resolveForTrust(long id, long trustId, String by, String resolution, Instant now) {
        return jdbc.prepareStatement("UPDATE inbound_sms SET status = 'RESOLVED', resolved_by = ?, resolution = ?, resolved_at = ? WHERE id = ? "
                + "AND status = 'REVIEW' AND trust_id = ? AND school_id IS NULL", ps -> {
                    ps.setString(1, by);
                    ps.setString(2, cut(resolution, 1000));
                    ps.setTimestamp(3, Timestamp.from(now));
                    ps.setLong(4, id);
                    ps.setLong(5, trustId);
                    return ps.executeUpdate() == 1;
                });
    }

    public List<InboundRow> ofSchool(Long schoolId, String status, int offset, int limit) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM inbound_sms WHERE (school_id = ? OR (? IS NULL AND school_id IS NULL)) "
                + "AND (? IS NULL OR status = ?) ORDER BY (status = 'REVIEW' AND urgent) DESC, id DESC LIMIT ? OFFSET ?", ps -> {
                    Sql.setLong(ps, 1, schoolId);
                    Sql.setLong(ps, 2, schoolId);
                    ps.setString(3, status);
                    ps.setString(4, status);
                    ps.setInt(5, limit);
                    ps.setInt(6, offset);
                    return read(ps);
                });
    }

    /** How many texts {@link #ofSchool} would list across all its pages. */
    public long countOfSchool(Long schoolId, String status) {
        return jdbc.prepareStatement("SELECT COUNT(*) FROM inbound_sms WHERE (school_id = ? OR (? IS NULL AND school_id IS NULL)) "
                + "AND (? IS NULL OR status = ?)", ps -> {
                    Sql.setLong(ps, 1, schoolId);
                    Sql.setLong(ps, 2, schoolId);
                    ps.setString(3, status);
                    ps.setString(4, status);
                    return count(ps);
                });
    }

    /** A trust's queue: texts to its shared number that no school's contact sent. */
    public List<InboundRow> ofTrust(long trustId, String status, int offset, int limit) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM inbound_sms WHERE trust_id = ? AND school_id IS NULL "
                + "AND (? IS NULL OR status = ?) ORDER BY (status = 'REVIEW' AND urgent) DESC, id DESC LIMIT ? OFFSET ?", ps -> {
                    ps.setLong(1, trustId);
                    ps.setString(2, status);
                    ps.setString(3, status);
                    ps.setInt(4, limit);
                    ps.setInt(5, offset);
                    return read(ps);
                });
    }

    /** How many texts {@link #ofTrust} would list across all its pages. */
    public long countOfTrust(long trustId, String status) {
        return jdbc.prepareStatement("SELECT COUNT(*) FROM inbound_sms WHERE trust_id = ? AND school_id IS NULL AND (? IS NULL OR status = ?)", ps -> {
            ps.setLong(1, trustId);
            ps.setString(2, status);
            ps.setString(3, status);
            return count(ps);
        });
    }

    private static long count(java.sql.PreparedStatement ps) throws java.sql.SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Texts from this number since a moment, to see whether a family replied before the call list. */
    public List<InboundRow> fromNumbersSince(List<String> numbers, Instant since) {
        if (numbers.isEmpty()) {
            return List.of();
        }
        String marks = String.join(",", numbers.stream().map(n -> "?").toList());
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM inbound_sms WHERE from_number IN (" + marks + ") AND received_at >= ? ORDER BY id", ps -> {
            int i = 1;
            for (String n : numbers) {
                ps.setString(i++, n);
            }
            ps.setTimestamp(i, Timestamp.from(since));
            return read(ps);
        });
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }


    private static List<InboundRow> read(PreparedStatement ps) throws SQLException {
        List<InboundRow> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long s = rs.getLong(7);
                Long school = rs.wasNull() ? null : s;
                long c = rs.getLong(8);
                Long contact = rs.wasNull() ? null : c;
                Timestamp resolved = rs.getTimestamp(14);
                out.add(new InboundRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(), school,
                        contact, rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13),
                        resolved == null ? null : resolved.toInstant(), rs.getString(15), rs.getBoolean(16), rs.getBoolean(17), rs.getString(18),
                        rs.getString(19)));
            }
        }
        return out;
    }
}
