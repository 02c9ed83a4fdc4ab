package uk.openattendance.notify.persistence;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import io.micronaut.transaction.annotation.Transactional;
import uk.openattendance.platform.db.Sql;
import uk.openattendance.platform.queue.NewEntry;
import uk.openattendance.platform.queue.QueueStore;

/** The outbox, suppression list and templates in plain JDBC, inside the caller's transaction. */
@Singleton
@Connectable
public class OutboxStore {
    private static final String COLUMNS = "id, school_id, dedup_key, purpose, priority, channel, contact_id, recipient, subject, body, pupil_ids, "
            + "about_date, fallbacks, fallback_for, status, attempts, next_attempt_at, lease_owner, lease_until, provider_id, provider_status, "
            + "last_error, created_at, sent_at, attachment_ref, sealed_body, secret_expires_at";

    /** The name of the outbox's queue in the platform's leased queue. */
    public static final String QUEUE = "outbox";

    private final JdbcOperations jdbc;
    private final QueueStore queue;

    public OutboxStore(JdbcOperations jdbc, QueueStore queue) {
        this.jdbc = jdbc;
        this.queue = queue;
    }

    /** Inserts the messages whose dedup key is new and queues them for sending, in one transaction; returns how many were new. */
    @Transactional
    public int enqueue(Collection<NewMessage> messages, Instant now) {
        if (messages.isEmpty()) {
            return 0;
        }
        int added = insert(messages, now);
        if (added > 0) {
            List<String> keys = messages.stream().map(NewMessage::dedupKey).distinct().toList();
            for (int from = 0; from < keys.size(); from += 500) {
                List<String> some = keys.subList(from, Math.min(keys.size(), from + 500));
                // a key already sent, or already queued, is left as it is: the queue keeps one entry per message
                List<NewEntry> entries = jdbc.prepareStatement("SELECT id, school_id, priority, next_attempt_at FROM outbox_message WHERE dedup_key IN ("
                        + String.join(",", some.stream().map(k -> "?").toList()) + ") AND status = 'PENDING'", ps -> {
                            Sql.bind(ps, some.toArray());
                            List<NewEntry> out = new ArrayList<>();
                            try (ResultSet rs = ps.executeQuery()) {
                                while (rs.next()) {
                                    out.add(new NewEntry(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getTimestamp(4).toInstant()));
                                }
                            }
                            return out;
                        });
                queue.enqueue(QUEUE, entries, now);
            }
        }
        return added;
    }

    private int insert(Collection<NewMessage> messages, Instant now) {
        return jdbc.prepareStatement("INSERT IGNORE INTO outbox_message (school_id, dedup_key, purpose, priority, channel, contact_id, recipient, subject, "
                + "body, pupil_ids, about_date, fallbacks, fallback_for, status, attempts, next_attempt_at, created_at, updated_at, attachment_ref, "
                + "sealed_body, secret_expires_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,'PENDING',0,?,?,?,?,?,?)", ps -> {
                    for (NewMessage m : messages) {
                        ps.setLong(1, m.schoolId());
                        ps.setString(2, m.dedupKey());
                        ps.setString(3, m.purpose());
                        ps.setInt(4, m.priority());
                        ps.setString(5, m.channel());
                        Sql.setLong(ps, 6, m.contactId());
                        ps.setString(7, m.recipient());
                        ps.setString(8, m.subject());
                        ps.setString(9, m.body());
                        ps.setString(10, m.pupilIds().stream().map(String::valueOf).collect(Collectors.joining(",")));
                        if (m.aboutDate() == null) {
                            ps.setNull(11, Types.DATE);
                        } else {
                            ps.setDate(11, Date.valueOf(m.aboutDate()));
                        }
                        ps.setString(12, m.fallbacks() == null ? "" : m.fallbacks());
                        Sql.setLong(ps, 13, m.fallbackFor());
                        ps.setTimestamp(14, Timestamp.from(m.notBefore() == null ? now : m.notBefore()));
                        ps.setTimestamp(15, Timestamp.from(now));
                        ps.setTimestamp(16, Timestamp.from(now));
                        ps.setString(17, m.attachmentRef());
                        ps.setString(18, m.sealedBody());
                        ps.setTimestamp(19, m.secretExpiresAt() == null ? null : Timestamp.from(m.secretExpiresAt()));
                        ps.addBatch();
                    }
                    int added = 0;
                    for (int n : ps.executeBatch()) {
                        added += n > 0 || n == java.sql.Statement.SUCCESS_NO_INFO ? 1 : 0;
                    }
                    return added;
                });
    }

    /** One school-morning's first-day texts in one status: how many, and since when the oldest was due. */
    public record MorningTexts(long job, String status, long texts, Instant dueSince) {}

    /**
     * The first-day texts of every school-morning whose first-text job fell due in {@code (from, to]} (or has run and
     * waits for a register: waiting moves its due time on), by status. A text is due from the earlier of its job's due
     * time and when it was written: a job that ran late does not make its texts look on time, and a job waiting for a
     * late register does not make the texts it already wrote look younger.
     */
    public List<MorningTexts> firstDayMornings(String jobKind, Instant from, Instant to) {
        return jdbc.prepareStatement("SELECT j.id, o.status, COUNT(o.id), MIN(LEAST(j.due_at, o.created_at)) FROM scheduled_job j "
                + "LEFT JOIN outbox_message o ON o.school_id = j.school_id AND o.about_date = j.run_date AND o.purpose = 'FIRST_DAY_ABSENCE' "
                + "WHERE j.kind = ? AND j.due_at > ? AND (j.due_at <= ? OR j.outcome IS NOT NULL) GROUP BY j.id, o.status", ps -> {
                    Sql.bind(ps, jobKind, from, to);
                    List<MorningTexts> out = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            Timestamp due = rs.getTimestamp(4);
                            out.add(new MorningTexts(rs.getLong(1), rs.getString(2), rs.getLong(3), due == null ? null : due.toInstant()));
                        }
                    }
                    return out;
                });
    }

    public List<OutboxRow> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String in = Sql.ids(ids);
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM outbox_message WHERE id IN (" + in + ") ORDER BY priority, id", OutboxStore::read);
    }

    /** Records an attempt's outcome; the caller does so under its queue claim's token (see {@code Claim}), so only the current holder writes here. */
    public void record(long id, String status, String providerId, String error, Instant nextAttemptAt, int attempts, Instant now) {
        jdbc.prepareStatement("UPDATE outbox_message SET status = ?, provider_id = COALESCE(?, provider_id), last_error = ?, "
                + "next_attempt_at = COALESCE(?, next_attempt_at), attempts = ?, sent_at = CASE WHEN ? = 'SENT' THEN ? ELSE sent_at END, "
                + "lease_owner = NULL, lease_until = NULL, updated_at = ?, "
                // a secret's sealed wording lives only until the message leaves the queue for good
                + "sealed_body = CASE WHEN ? = 'PENDING' THEN sealed_body ELSE NULL END WHERE id = ?", ps -> {
                    ps.setString(1, status);
                    ps.setString(2, providerId);
                    ps.setString(3, error == null ? null : error.length() > 500 ? error.substring(0, 500) : error);
                    ps.setTimestamp(4, nextAttemptAt == null ? null : Timestamp.from(nextAttemptAt));
                    ps.setInt(5, Math.max(attempts, 0));
                    ps.setString(6, status);
                    ps.setTimestamp(7, Timestamp.from(now));
                    ps.setTimestamp(8, Timestamp.from(now));
                    ps.setString(9, status);
                    ps.setLong(10, id);
                    return ps.executeUpdate();
                });
    }


    /** Provider ids recorded for other messages to this address since a moment: a provider's match among them is not ours. */
    public java.util.Set<String> providerIdsTo(String address, Instant since, long exceptId) {
        return jdbc.prepareStatement("SELECT provider_id FROM outbox_message WHERE recipient = ? AND created_at >= ? AND id <> ? AND provider_id IS NOT NULL",
                ps -> {
                    ps.setString(1, address);
                    ps.setTimestamp(2, Timestamp.from(since));
                    ps.setLong(3, exceptId);
                    java.util.Set<String> out = new java.util.HashSet<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(rs.getString(1));
                        }
                    }
                    return out;
                });
    }

    /** Wipes the sealed wording of secret-bearing messages whose secret has expired: nothing is left to open, even with the key. */
    public int wipeExpiredSecrets(Instant now) {
        return jdbc.prepareStatement("UPDATE outbox_message SET sealed_body = NULL WHERE secret_expires_at < ? AND sealed_body IS NOT NULL", ps -> {
            ps.setTimestamp(1, Timestamp.from(now));
            return ps.executeUpdate();
        });
    }

    public void rewriteBody(long id, String body) {
        jdbc.prepareStatement("UPDATE outbox_message SET body = ? WHERE id = ?", ps -> {
            ps.setString(1, body);
            ps.setLong(2, id);
            return ps.executeUpdate();
        });
    }

    /** A delivery receipt: the provider's final word on a message. Returns the row when it changed. */
    public List<OutboxRow> receipt(String providerId, String providerStatus, String status, String error, Instant now) {
        int n = jdbc.prepareStatement("UPDATE outbox_message SET provider_status = ?, status = COALESCE(?, status), last_error = COALESCE(?, last_error), "
                + "updated_at = ? WHERE provider_id = ? AND status IN ('SENT', 'DELIVERED')", ps -> {
                    ps.setString(1, providerStatus);
                    ps.setString(2, status);
                    ps.setString(3, error);
                    ps.setTimestamp(4, Timestamp.from(now));
                    ps.setString(5, providerId);
                    return ps.executeUpdate();
                });
        if (n == 0) {
            return List.of();
        }
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM outbox_message WHERE provider_id = ?", ps -> {
            ps.setString(1, providerId);
            return read(ps);
        });
    }

    /** A school's messages, newest first, leaving out those of the {@code hiddenPurposes} (secret-bearing ones for most callers). */
    public List<OutboxRow> ofSchool(long schoolId, LocalDate aboutDate, String purpose, Collection<String> hiddenPurposes, int offset, int limit) {
        String hidden = hiddenPurposes.isEmpty() ? "" : " AND purpose NOT IN (" + String.join(",", hiddenPurposes.stream().map(p -> "?").toList()) + ")";
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM outbox_message WHERE school_id = ? AND (? IS NULL OR about_date = ?) "
                + "AND (? IS NULL OR purpose = ?)" + hidden + " ORDER BY id DESC LIMIT ? OFFSET ?", ps -> {
                    ps.setLong(1, schoolId);
                    Date d = aboutDate == null ? null : Date.valueOf(aboutDate);
                    ps.setDate(2, d);
                    ps.setDate(3, d);
                    ps.setString(4, purpose);
                    ps.setString(5, purpose);
                    int i = 6;
                    for (String p : hiddenPurposes) {
                        ps.setString(i++, p);
                    }
                    ps.setInt(i++, limit);
                    ps.setInt(i, offset);
                    return read(ps);
                });
    }

    /** How many messages {@link #ofSchool} would list across all its pages: the total a page of them states. */
    public long countOfSchool(long schoolId, LocalDate aboutDate, String purpose, Collection<String> hiddenPurposes) {
        String hidden = hiddenPurposes.isEmpty() ? "" : " AND purpose NOT IN (" + String.join(",", hiddenPurposes.stream().map(p -> "?").toList()) + ")";
        return jdbc.prepareStatement("SELECT COUNT(*) FROM outbox_message WHERE school_id = ? AND (? IS NULL OR about_date = ?) "
                + "AND (? IS NULL OR purpose = ?)" + hidden, ps -> {
                    ps.setLong(1, schoolId);
                    Date d = aboutDate == null ? null : Date.valueOf(aboutDate);
                    ps.setDate(2, d);
                    ps.setDate(3, d);
                    ps.setString(4, purpose);
                    ps.setString(5, purpose);
                    int i = 6;
                    for (String p : hiddenPurposes) {
                        ps.setString(i++, p);
                    }
                    try (java.sql.ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                });
    }

    /** Messages sent to one contact of a school, newest first, leaving out the {@code hiddenPurposes}; only those that went out. */
    public List<OutboxRow> sentToContact(long schoolId, long contactId, Collection<String> hiddenPurposes, int limit) {
        String hidden = hiddenPurposes.isEmpty() ? "" : " AND purpose NOT IN (" + String.join(",", hiddenPurposes.stream().map(p -> "?").toList()) + ")";
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM outbox_message WHERE school_id = ? AND contact_id = ? AND sent_at IS NOT NULL" + hidden
                + " ORDER BY id DESC LIMIT ?", ps -> {
                    ps.setLong(1, schoolId);
                    ps.setLong(2, contactId);
                    int i = 3;
                    for (String p : hiddenPurposes) {
                        ps.setString(i++, p);
                    }
                    ps.setInt(i, limit);
                    return read(ps);
                });
    }

    /** Messages of one purpose about one day that reached (or are on their way to) a family, for corrections and call lists. */
    public List<OutboxRow> aboutDay(long schoolId, LocalDate day, String purpose) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM outbox_message WHERE school_id = ? AND about_date = ? AND purpose = ? ORDER BY id", ps -> {
            ps.setLong(1, schoolId);
            ps.setDate(2, Date.valueOf(day));
            ps.setString(3, purpose);
            return read(ps);
        });
    }

    /** Of these addresses, those suppressed for their school or everywhere, as "schoolId|address" (school 0: everywhere). */
    public java.util.Set<String> suppressedAmong(Collection<String> addresses) {
        if (addresses.isEmpty()) {
            return java.util.Set.of();
        }
        String marks = String.join(",", addresses.stream().map(a -> "?").toList());
        return jdbc.prepareStatement("SELECT school_id, address FROM suppression WHERE address IN (" + marks + ")", ps -> {
            int i = 1;
            for (String a : addresses) {
                ps.setString(i++, a);
            }
            java.util.Set<String> out = new java.util.HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1) + "|" + rs.getString(2));
                }
            }
            return out;
        });
    }

    /** Messages of a purpose sent to this address since a moment, newest first. */
    public List<OutboxRow> toAddressSince(String address, String purpose, Instant since) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM outbox_message WHERE recipient = ? AND purpose = ? AND created_at >= ? "
                + "ORDER BY id DESC LIMIT 20", ps -> {
                    ps.setString(1, address);
                    ps.setString(2, purpose);
                    ps.setTimestamp(3, Timestamp.from(since));
                    return read(ps);
                });
    }

    public boolean suppressed(long schoolId, String address) {
        return jdbc.prepareStatement("SELECT 1 FROM suppression WHERE address = ? AND school_id IN (0, ?) LIMIT 1", ps -> {
            ps.setString(1, address);
            ps.setLong(2, schoolId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        });
    }

    public void suppress(long schoolId, String address, String reason, String by, Instant now) {
        jdbc.prepareStatement("INSERT IGNORE INTO suppression (school_id, address, reason, created_by, created_at) VALUES (?,?,?,?,?)", ps -> {
            ps.setLong(1, schoolId);
            ps.setString(2, address);
            ps.setString(3, reason);
            ps.setString(4, by);
            ps.setTimestamp(5, Timestamp.from(now));
            return ps.executeUpdate();
        });
    }

    public int unsuppress(long schoolId, String address) {
        return jdbc.prepareStatement("DELETE FROM suppression WHERE address = ? AND school_id = ?", ps -> {
            ps.setString(1, address);
            ps.setLong(2, schoolId);
            return ps.executeUpdate();
        });
    }

    public record SuppressionRow(long schoolId, String address, String reason, String createdBy, Instant createdAt) {}

    public List<SuppressionRow> suppressions(long schoolId) {
        return jdbc.prepareStatement("SELECT school_id, address, reason, created_by, created_at FROM suppression WHERE school_id IN (0, ?) ORDER BY id", ps -> {
            ps.setLong(1, schoolId);
            List<SuppressionRow> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new SuppressionRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant()));
                }
            }
            return out;
        });
    }

    public record TemplateRow(String purpose, String language, String subject, String body, String updatedBy, Instant updatedAt) {}

    /** The school's own wording of every message, in every language it wrote one in. */
    public List<TemplateRow> templates(long schoolId) {
        return jdbc.prepareStatement("SELECT purpose, language, subject, body, updated_by, updated_at FROM message_template WHERE school_id = ?", ps -> {
            ps.setLong(1, schoolId);
            List<TemplateRow> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new TemplateRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getTimestamp(6).toInstant()));
                }
            }
            return out;
        });
    }

    public void saveTemplate(long schoolId, String purpose, String language, String subject, String body, String by, Instant now) {
        jdbc.prepareStatement("INSERT INTO message_template (school_id, purpose, language, subject, body, updated_by, updated_at) VALUES (?,?,?,?,?,?,?) "
                + "ON DUPLICATE KEY UPDATE subject = VALUES(subject), body = VALUES(body), updated_by = VALUES(updated_by), updated_at = VALUES(updated_at)", ps -> {
                    ps.setLong(1, schoolId);
                    ps.setString(2, purpose);
                    ps.setString(3, language);
                    ps.setString(4, subject);
                    ps.setString(5, body);
                    ps.setString(6, by);
                    ps.setTimestamp(7, Timestamp.from(now));
                    return ps.executeUpdate();
                });
    }

    public int deleteTemplate(long schoolId, String purpose, String language) {
        return jdbc.prepareStatement("DELETE FROM message_template WHERE school_id = ? AND purpose = ? AND language = ?", ps -> {
            ps.setLong(1, schoolId);
            ps.setString(2, purpose);
            ps.setString(3, language);
            return ps.executeUpdate();
        });
    }

    /** A school's approval of the exact shipped wording whose sha-256 it names. */
    public record ReviewRow(String purpose, String language, String wordingSha, String reviewedBy, Instant reviewedAt) {}

    public List<ReviewRow> templateReviews(long schoolId) {
        return jdbc.prepareStatement("SELECT purpose, language, wording_sha, reviewed_by, reviewed_at FROM message_template_review WHERE school_id = ?",
                ps -> {
                    ps.setLong(1, schoolId);
                    List<ReviewRow> out = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(new ReviewRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant()));
                        }
                    }
                    return out;
                });
    }

    public void saveTemplateReview(long schoolId, String purpose, String language, String wordingSha, String by, Instant now) {
        jdbc.prepareStatement("INSERT INTO message_template_review (school_id, purpose, language, wording_sha, reviewed_by, reviewed_at) VALUES (?,?,?,?,?,?) "
                + "ON DUPLICATE KEY UPDATE wording_sha = VALUES(wording_sha), reviewed_by = VALUES(reviewed_by), reviewed_at = VALUES(reviewed_at)", ps -> {
                    ps.setLong(1, schoolId);
                    ps.setString(2, purpose);
                    ps.setString(3, language);
                    ps.setString(4, wordingSha);
                    ps.setString(5, by);
                    ps.setTimestamp(6, Timestamp.from(now));
                    return ps.executeUpdate();
                });
    }

    private static List<OutboxRow> read(PreparedStatement ps) throws SQLException {
        List<OutboxRow> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Date about = rs.getDate(12);
                Timestamp lease = rs.getTimestamp(19);
                Timestamp sent = rs.getTimestamp(24);
                long contact = rs.getLong(7);
                Long contactId = rs.wasNull() ? null : contact;
                long fb = rs.getLong(14);
                Long fallbackFor = rs.wasNull() ? null : fb;
                out.add(new OutboxRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getString(6), contactId,
                        rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), about == null ? null : about.toLocalDate(), rs.getString(13),
                        fallbackFor, rs.getString(15), rs.getInt(16), rs.getTimestamp(17).toInstant(), rs.getString(18),
                        lease == null ? null : lease.toInstant(), rs.getString(20), rs.getString(21), rs.getString(22), rs.getTimestamp(23).toInstant(),
                        sent == null ? null : sent.toInstant(), rs.getString(25), rs.getString(26),
                        rs.getTimestamp(27) == null ? null : rs.getTimestamp(27).toInstant()));
            }
        }
        return out;
    }
}
