package uk.openattendance.notify.persistence;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.openattendance.platform.db.RowMapper;
import uk.openattendance.platform.db.Sql;

@Singleton
@Connectable
public class InboundStore {
    public record InboundRow(long id, String providerId, String from, String to, String body, Instant receivedAt, Long schoolId, Long contactId,
            InboundStatus status, String reading, String reviewReason, String reply, String resolvedBy, Instant resolvedAt, String resolution,
            boolean actioned, boolean urgent, String reasons, String suggestions) {}

    private static final String COLUMNS = "id, provider_id, from_number, to_number, body, received_at, school_id, contact_id, status, reading, review_reason, "
            + "reply, resolved_by, resolved_at, resolution, actioned, urgent, reasons, suggestions";

    private static final RowMapper<InboundRow> TEXT = rs -> new InboundRow(rs.getLong("id"), rs.getString("provider_id"), rs.getString("from_number"),
            rs.getString("to_number"), rs.getString("body"), Sql.instant(rs, "received_at"), Sql.nullableLong(rs, "school_id"),
            Sql.nullableLong(rs, "contact_id"), InboundStatus.valueOf(rs.getString("status")), rs.getString("reading"), rs.getString("review_reason"),
            rs.getString("reply"), rs.getString("resolved_by"), Sql.instant(rs, "resolved_at"), rs.getString("resolution"), rs.getBoolean("actioned"),
            rs.getBoolean("urgent"), rs.getString("reasons"), rs.getString("suggestions"));

    private final Sql sql;

    public InboundStore(JdbcOperations jdbc) {
        this.sql = Sql.on(jdbc);
    }

    /** Stores the text unless this provider id is already stored; returns the stored row either way. */
    public InboundRow store(String providerId, String from, String to, String body, Instant now) {
        int added = sql.update("INSERT IGNORE INTO inbound_sms (provider_id, from_number, to_number, body, received_at, status) "
                + "VALUES (:provider, :from, :to, :body, :now, :received)", Sql.params("provider", providerId).and("from", from).and("to", to)
                        .and("body", body).and("now", now).and("received", InboundStatus.RECEIVED));
        if (added == 1) {
            long id = sql.query("SELECT LAST_INSERT_ID() AS id").optional(rs -> rs.getLong("id")).orElseThrow();
            return new InboundRow(id, providerId, from, to, body, now, null, null, InboundStatus.RECEIVED, null, null, null, null, null, null, false, false,
                    null, null);
        }
        return byProviderId(providerId).orElseThrow();
    }

    public Optional<InboundRow> byProviderId(String providerId) {
        return sql.query("SELECT " + COLUMNS + " FROM inbound_sms WHERE provider_id = :provider", Sql.params("provider", providerId)).optional(TEXT);
    }

    public Optional<InboundRow> byId(long id) {
        return sql.query("SELECT " + COLUMNS + " FROM inbound_sms WHERE id = :id", Sql.params("id", id)).optional(TEXT);
    }

    /**
     * Locks the text for processing inside the caller's transaction; a concurrent delivery of the same text waits here
     * until the first commits and then sees it processed. {@code skipLocked}: the sweeper passes a text being worked on.
     */
    public Optional<InboundRow> lockForProcessing(long id, boolean skipLocked) {
        return sql.query("SELECT " + COLUMNS + " FROM inbound_sms WHERE id = :id FOR UPDATE" + (skipLocked ? " SKIP LOCKED" : ""), Sql.params("id", id))
                .optional(TEXT);
    }

    /** Texts still RECEIVED that arrived before a moment: their processing died before it committed. */
    public List<Long> receivedBefore(Instant before, int limit) {
        return sql.query("SELECT id FROM inbound_sms WHERE status = :received AND received_at < :before ORDER BY received_at, id LIMIT :limit",
                Sql.params("received", InboundStatus.RECEIVED).and("before", before).and("limit", limit)).list(rs -> rs.getLong("id"));
    }

    /**
     * The text's outcome. {@code status} REVIEW when anything waits for a person (even if some of it was
     * {@code actioned} at once), ACTIONED when everything was dealt with; {@code reasons} and {@code suggestions} JSON.
     */
    public void processed(long id, Long schoolId, Long trustId, Long contactId, InboundStatus status, String reading, String reviewReason, String reply,
            boolean actioned, boolean urgent, String reasons, String suggestions) {
        sql.update("UPDATE inbound_sms SET school_id = :school, trust_id = :trust, contact_id = :contact, status = :status, reading = :reading, "
                + "review_reason = :reviewReason, reply = :reply, actioned = :actioned, urgent = :urgent, reasons = :reasons, suggestions = :suggestions "
                + "WHERE id = :id", Sql.params("school", schoolId).and("trust", trustId).and("contact", contactId).and("status", status)
                        .and("reading", cut(reading, 1000)).and("reviewReason", cut(reviewReason, 300)).and("reply", cut(reply, 700)).and("actioned", actioned)
                        .and("urgent", urgent).and("reasons", reasons).and("suggestions", suggestions).and("id", id));
    }

    /** Texts waiting for a person, urgent or not, and since when the oldest of each has waited (every school's: a metric). */
    public Map<Boolean, Map.Entry<Long, Instant>> waitingForReview() {
        Map<Boolean, Map.Entry<Long, Instant>> out = new HashMap<>();
        sql.query("SELECT urgent, COUNT(*) AS texts, MIN(received_at) AS oldest FROM inbound_sms WHERE status = :review GROUP BY urgent",
                Sql.params("review", InboundStatus.REVIEW))
                .list(rs -> Map.entry(rs.getBoolean("urgent"), Map.entry(rs.getLong("texts"), Sql.instant(rs, "oldest"))))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** A text of this school waiting for review, locked until the caller's transaction ends (an office accepting suggestions). */
    public Optional<InboundRow> lockInReview(long id, long schoolId) {
        return sql.query("SELECT " + COLUMNS + " FROM inbound_sms WHERE id = :id AND school_id = :school AND status = :review FOR UPDATE",
                Sql.params("id", id).and("school", schoolId).and("review", InboundStatus.REVIEW)).optional(TEXT);
    }

    public void suggestionsChanged(long id, String suggestions, boolean actioned) {
        sql.update("UPDATE inbound_sms SET suggestions = :suggestions, actioned = :actioned WHERE id = :id",
                Sql.params("suggestions", suggestions).and("actioned", actioned).and("id", id));
    }

    public boolean resolve(long id, Long schoolId, String by, String resolution, Instant now) {
        return sql.update("UPDATE inbound_sms SET status = :resolved, resolved_by = :by, resolution = :resolution, resolved_at = :now WHERE id = :id "
                + "AND status = :review AND (school_id = :school OR (:school IS NULL AND school_id IS NULL))", Sql.params("resolved", InboundStatus.RESOLVED)
                        .and("by", by).and("resolution", cut(resolution, 1000)).and("now", now).and("id", id).and("review", InboundStatus.REVIEW)
                        .and("school", schoolId)) == 1;
    }

    public boolean resolveForTrust(long id, long trustId, String by, String resolution, Instant now) {
        return sql.update("UPDATE inbound_sms SET status = :resolved, resolved_by = :by, resolution = :resolution, resolved_at = :now WHERE id = :id "
                + "AND status = :review AND trust_id = :trust AND school_id IS NULL", Sql.params("resolved", InboundStatus.RESOLVED).and("by", by)
                        .and("resolution", cut(resolution, 1000)).and("now", now).and("id", id).and("review", InboundStatus.REVIEW).and("trust", trustId)) == 1;
    }

    /** {@code status} as the caller named it (null for any), so an unknown one lists none. */
    public List<InboundRow> ofSchool(Long schoolId, String status, int offset, int limit) {
        return sql.query("SELECT " + COLUMNS + " FROM inbound_sms WHERE (school_id = :school OR (:school IS NULL AND school_id IS NULL)) "
                + "AND (:status IS NULL OR status = :status) ORDER BY (status = :review AND urgent) DESC, id DESC LIMIT :limit OFFSET :offset",
                Sql.params("school", schoolId).and("status", status).and("review", InboundStatus.REVIEW).and("limit", limit).and("offset", offset)).list(TEXT);
    }

    /** How many texts {@link #ofSchool} would list across all its pages. */
    public long countOfSchool(Long schoolId, String status) {
        return sql.query("SELECT COUNT(*) FROM inbound_sms WHERE (school_id = :school OR (:school IS NULL AND school_id IS NULL)) "
                + "AND (:status IS NULL OR status = :status)", Sql.params("school", schoolId).and("status", status)).optional(rs -> rs.getLong(1)).orElse(0L);
    }

    /** A trust's queue: texts to its shared number that no school's contact sent. */
    public List<InboundRow> ofTrust(long trustId, String status, int offset, int limit) {
        return sql.query("SELECT " + COLUMNS + " FROM inbound_sms WHERE trust_id = :trust AND school_id IS NULL "
                + "AND (:status IS NULL OR status = :status) ORDER BY (status = :review AND urgent) DESC, id DESC LIMIT :limit OFFSET :offset",
                Sql.params("trust", trustId).and("status", status).and("review", InboundStatus.REVIEW).and("limit", limit).and("offset", offset)).list(TEXT);
    }

    /** How many texts {@link #ofTrust} would list across all its pages. */
    public long countOfTrust(long trustId, String status) {
        return sql.query("SELECT COUNT(*) FROM inbound_sms WHERE trust_id = :trust AND school_id IS NULL AND (:status IS NULL OR status = :status)",
                Sql.params("trust", trustId).and("status", status)).optional(rs -> rs.getLong(1)).orElse(0L);
    }

    /** Texts from these numbers since a moment, to see whether a family replied before the call list. */
    public List<InboundRow> fromNumbersSince(List<String> numbers, Instant since) {
        if (numbers.isEmpty()) {
            return List.of();
        }
        return sql.query("SELECT " + COLUMNS + " FROM inbound_sms WHERE from_number IN (:numbers) AND received_at >= :since ORDER BY id",
                Sql.params("numbers", numbers).and("since", since)).list(TEXT);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
