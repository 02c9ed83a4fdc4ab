package uk.openattendance.notify.persistence;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import uk.openattendance.platform.db.RowMapper;
import uk.openattendance.platform.db.Sql;
import uk.openattendance.platform.queue.NewEntry;
import uk.openattendance.platform.queue.QueueStore;

/**
 * The outbox in plain JDBC, inside the caller's transaction: its claims, receipts and tallies are set-wise SQL. The
 * suppression list and the wording are plain rows in their own repositories.
 */
@Singleton
@Connectable
public class OutboxStore {
    private static final String COLUMNS = "id, school_id, dedup_key, purpose, priority, channel, contact_id, recipient, subject, body, pupil_ids, "
            + "about_date, fallbacks, fallback_for, status, attempts, next_attempt_at, lease_owner, lease_until, provider_id, provider_status, "
            + "last_error, created_at, sent_at, attachment_ref, sealed_body, secret_expires_at";

    private static final RowMapper<OutboxRow> MESSAGE = rs -> new OutboxRow(rs.getLong("id"), rs.getLong("school_id"), rs.getString("dedup_key"),
            rs.getString("purpose"), rs.getInt("priority"), rs.getString("channel"), Sql.nullableLong(rs, "contact_id"), rs.getString("recipient"),
            rs.getString("subject"), rs.getString("body"), rs.getString("pupil_ids"), Sql.date(rs, "about_date"), rs.getString("fallbacks"),
            Sql.nullableLong(rs, "fallback_for"), OutboxStatus.valueOf(rs.getString("status")), rs.getInt("attempts"), Sql.instant(rs, "next_attempt_at"),
            rs.getString("lease_owner"), Sql.instant(rs, "lease_until"), rs.getString("provider_id"), rs.getString("provider_status"),
            rs.getString("last_error"), Sql.instant(rs, "created_at"), Sql.instant(rs, "sent_at"), rs.getString("attachment_ref"),
            rs.getString("sealed_body"), Sql.instant(rs, "secret_expires_at"));

    /** The name of the outbox's queue in the platform's leased queue. */
    public static final String QUEUE = "outbox";

    private final Sql sql;
    private final QueueStore queue;

    public OutboxStore(JdbcOperations jdbc, QueueStore queue) {
        this.sql = Sql.on(jdbc);
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
                List<NewEntry> entries = sql.query("SELECT id, school_id, priority, next_attempt_at FROM outbox_message WHERE dedup_key IN (:keys) "
                        + "AND status = :pending", Sql.params("keys", some).and("pending", OutboxStatus.PENDING))
                        .list(rs -> new NewEntry(rs.getLong("id"), rs.getLong("school_id"), rs.getInt("priority"), Sql.instant(rs, "next_attempt_at")));
                queue.enqueue(QUEUE, entries, now);
            }
        }
        return added;
    }

    private int insert(Collection<NewMessage> messages, Instant now) {
        int[] counts = sql.updateEach("INSERT IGNORE INTO outbox_message (school_id, dedup_key, purpose, priority, channel, contact_id, recipient, subject, "
                + "body, pupil_ids, about_date, fallbacks, fallback_for, status, attempts, next_attempt_at, created_at, updated_at, attachment_ref, "
                + "sealed_body, secret_expires_at) VALUES (:school, :key, :purpose, :priority, :channel, :contact, :recipient, :subject, :body, :pupils, "
                + ":about, :fallbacks, :fallbackFor, :pending, 0, :notBefore, :now, :now, :attachment, :sealed, :secretExpires)", List.copyOf(messages),
                m -> Sql.params("pending", OutboxStatus.PENDING).and("school", m.schoolId()).and("key", m.dedupKey()).and("purpose", m.purpose()).and("priority", m.priority())
                        .and("channel", m.channel()).and("contact", m.contactId()).and("recipient", m.recipient()).and("subject", m.subject())
                        .and("body", m.body()).and("pupils", m.pupilIds().stream().map(String::valueOf).collect(Collectors.joining(",")))
                        .and("about", m.aboutDate()).and("fallbacks", m.fallbacks() == null ? "" : m.fallbacks()).and("fallbackFor", m.fallbackFor())
                        .and("notBefore", m.notBefore() == null ? now : m.notBefore()).and("now", now).and("attachment", m.attachmentRef())
                        .and("sealed", m.sealedBody()).and("secretExpires", m.secretExpiresAt()));
        int added = 0;
        for (int n : counts) {
            added += n > 0 || n == java.sql.Statement.SUCCESS_NO_INFO ? 1 : 0;
        }
        return added;
    }

    /**
     * One school-morning's first-day texts in one status: how many, and since when the oldest was due; {@code status}
     * is null for a morning with no text (no absent child), from the outer join.
     */
    public record MorningTexts(long job, OutboxStatus status, long texts, Instant dueSince) {}

    /**
     * The first-day texts of every school-morning whose first-text job fell due in {@code (from, to]} (or has run and
     * waits for a register: waiting moves its due time on), by status. A text is due from the earlier of its job's due
     * time and when it was written: a job that ran late does not make its texts look on time, and a job waiting for a
     * late register does not make the texts it already wrote look younger.
     */
    public List<MorningTexts> firstDayMornings(String jobKind, Instant from, Instant to) {
        return sql.query("SELECT j.id, o.status, COUNT(o.id) AS texts, MIN(LEAST(j.due_at, o.created_at)) AS due_since FROM scheduled_job j "
                + "LEFT JOIN outbox_message o ON o.school_id = j.school_id AND o.about_date = j.run_date AND o.purpose = 'FIRST_DAY_ABSENCE' "
                + "WHERE j.kind = :kind AND j.due_at > :from AND (j.due_at <= :to OR j.outcome IS NOT NULL) GROUP BY j.id, o.status",
                Sql.params("kind", jobKind).and("from", from).and("to", to))
                .list(rs -> new MorningTexts(rs.getLong("id"), rs.getString("status") == null ? null : OutboxStatus.valueOf(rs.getString("status")),
                        rs.getLong("texts"), Sql.instant(rs, "due_since")));
    }

    public List<OutboxRow> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return sql.query("SELECT " + COLUMNS + " FROM outbox_message WHERE id IN (:ids) ORDER BY priority, id", Sql.params("ids", ids)).list(MESSAGE);
    }

    /** Records an attempt's outcome; the caller does so under its queue claim's token (see {@code Claim}), so only the current holder writes here. */
    public void record(long id, OutboxStatus status, String providerId, String error, Instant nextAttemptAt, int attempts, Instant now) {
        sql.update("UPDATE outbox_message SET status = :status, provider_id = COALESCE(:provider, provider_id), last_error = :error, "
                + "next_attempt_at = COALESCE(:next, next_attempt_at), attempts = :attempts, sent_at = CASE WHEN :status = :sent THEN :now ELSE sent_at END, "
                + "lease_owner = NULL, lease_until = NULL, updated_at = :now, "
                // a secret's sealed wording lives only until the message leaves the queue for good
                + "sealed_body = CASE WHEN :status = :pending THEN sealed_body ELSE NULL END WHERE id = :id",
                Sql.params("status", status).and("sent", OutboxStatus.SENT).and("pending", OutboxStatus.PENDING).and("provider", providerId).and("error", error == null ? null : error.length() > 500 ? error.substring(0, 500) : error)
                        .and("next", nextAttemptAt).and("attempts", Math.max(attempts, 0)).and("now", now).and("id", id));
    }

    /** Provider ids recorded for other messages to this address since a moment: a provider's match among them is not ours. */
    public Set<String> providerIdsTo(String address, Instant since, long exceptId) {
        return new HashSet<>(sql.query("SELECT provider_id FROM outbox_message WHERE recipient = :address AND created_at >= :since AND id <> :except "
                + "AND provider_id IS NOT NULL", Sql.params("address", address).and("since", since).and("except", exceptId))
                .list(rs -> rs.getString("provider_id")));
    }

    /** Wipes the sealed wording of secret-bearing messages whose secret has expired: nothing is left to open, even with the key. */
    public int wipeExpiredSecrets(Instant now) {
        return sql.update("UPDATE outbox_message SET sealed_body = NULL WHERE secret_expires_at < :now AND sealed_body IS NOT NULL", Sql.params("now", now));
    }

    public void rewriteBody(long id, String body) {
        sql.update("UPDATE outbox_message SET body = :body WHERE id = :id", Sql.params("body", body).and("id", id));
    }

    /** A delivery receipt: the provider's final word on a message. Returns the row when it changed. */
    public List<OutboxRow> receipt(String providerId, String providerStatus, OutboxStatus status, String error, Instant now) {
        int n = sql.update("UPDATE outbox_message SET provider_status = :providerStatus, status = COALESCE(:status, status), "
                + "last_error = COALESCE(:error, last_error), updated_at = :now WHERE provider_id = :provider AND status IN (:sent)",
                Sql.params("sent", List.of(OutboxStatus.SENT, OutboxStatus.DELIVERED)).and("providerStatus", providerStatus).and("status", status).and("error", error).and("now", now).and("provider", providerId));
        if (n == 0) {
            return List.of();
        }
        return sql.query("SELECT " + COLUMNS + " FROM outbox_message WHERE provider_id = :provider", Sql.params("provider", providerId)).list(MESSAGE);
    }

    /** A school's messages, newest first, leaving out those of the {@code hiddenPurposes} (secret-bearing ones for most callers). */
    public List<OutboxRow> ofSchool(long schoolId, LocalDate aboutDate, String purpose, Collection<String> hiddenPurposes, int offset, int limit) {
        String hidden = hiddenPurposes.isEmpty() ? "" : " AND purpose NOT IN (:hidden)";
        return sql.query("SELECT " + COLUMNS + " FROM outbox_message WHERE school_id = :school AND (:about IS NULL OR about_date = :about) "
                + "AND (:purpose IS NULL OR purpose = :purpose)" + hidden + " ORDER BY id DESC LIMIT :limit OFFSET :offset",
                Sql.params("school", schoolId).and("about", aboutDate).and("purpose", purpose).and("hidden", hiddenPurposes).and("limit", limit)
                        .and("offset", offset)).list(MESSAGE);
    }

    /** How many messages {@link #ofSchool} would list across all its pages: the total a page of them states. */
    public long countOfSchool(long schoolId, LocalDate aboutDate, String purpose, Collection<String> hiddenPurposes) {
        String hidden = hiddenPurposes.isEmpty() ? "" : " AND purpose NOT IN (:hidden)";
        return sql.query("SELECT COUNT(*) FROM outbox_message WHERE school_id = :school AND (:about IS NULL OR about_date = :about) "
                + "AND (:purpose IS NULL OR purpose = :purpose)" + hidden,
                Sql.params("school", schoolId).and("about", aboutDate).and("purpose", purpose).and("hidden", hiddenPurposes))
                .optional(rs -> rs.getLong(1)).orElse(0L);
    }

    /** Messages sent to one contact of a school, newest first, leaving out the {@code hiddenPurposes}; only those that went out. */
    public List<OutboxRow> sentToContact(long schoolId, long contactId, Collection<String> hiddenPurposes, int limit) {
        String hidden = hiddenPurposes.isEmpty() ? "" : " AND purpose NOT IN (:hidden)";
        return sql.query("SELECT " + COLUMNS + " FROM outbox_message WHERE school_id = :school AND contact_id = :contact AND sent_at IS NOT NULL" + hidden
                + " ORDER BY id DESC LIMIT :limit", Sql.params("school", schoolId).and("contact", contactId).and("hidden", hiddenPurposes).and("limit", limit))
                .list(MESSAGE);
    }

    /** Messages of one purpose about one day that reached (or are on their way to) a family, for corrections and call lists. */
    public List<OutboxRow> aboutDay(long schoolId, LocalDate day, String purpose) {
        return sql.query("SELECT " + COLUMNS + " FROM outbox_message WHERE school_id = :school AND about_date = :day AND purpose = :purpose ORDER BY id",
                Sql.params("school", schoolId).and("day", day).and("purpose", purpose)).list(MESSAGE);
    }

    /** Messages of a purpose sent to this address since a moment, newest first. */
    public List<OutboxRow> toAddressSince(String address, String purpose, Instant since) {
        return sql.query("SELECT " + COLUMNS + " FROM outbox_message WHERE recipient = :address AND purpose = :purpose AND created_at >= :since "
                + "ORDER BY id DESC LIMIT 20", Sql.params("address", address).and("purpose", purpose).and("since", since)).list(MESSAGE);
    }
}
