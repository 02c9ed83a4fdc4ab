package uk.openattendance.webhooks.persistence;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import uk.openattendance.platform.db.RowMapper;
import uk.openattendance.platform.db.Sql;
import uk.openattendance.platform.queue.NewEntry;
import uk.openattendance.platform.queue.QueueStore;
import uk.openattendance.platform.secrets.SecretBox;

/** Subscriptions (a repository, their secrets sealed here) and deliveries; deliveries are queued in the platform's leased queue, so any number of instances can post them. */
@Singleton
@Connectable
public class WebhookStore {
    /** The name of the deliveries' queue in the platform's leased queue. */
    public static final String QUEUE = "webhooks";

    private static final RowMapper<DeliveryRow> DELIVERY = rs -> new DeliveryRow(rs.getLong("id"), rs.getLong("subscription_id"), rs.getLong("school_id"),
            rs.getString("event_type"), rs.getString("event_id"), rs.getString("payload"), DeliveryStatus.valueOf(rs.getString("status")),
            rs.getInt("attempts"), Sql.instant(rs, "next_attempt_at"), Sql.nullableInt(rs, "last_status_code"), rs.getString("last_error"),
            Sql.instant(rs, "delivered_at"), Sql.instant(rs, "created_at"));

    private final Sql sql;
    private final WebhookSubscriptionRepository subscriptions;
    private final SecretBox secrets;
    private final QueueStore queue;

    WebhookStore(JdbcOperations jdbc, WebhookSubscriptionRepository subscriptions, SecretBox secrets, QueueStore queue) {
        this.sql = Sql.on(jdbc);
        this.subscriptions = subscriptions;
        this.secrets = secrets;
        this.queue = queue;
    }

    public record SubscriptionRow(long id, long schoolId, String url, String events, String secret, String description, boolean active, String createdBy,
            Instant createdAt) {}

    public record DeliveryRow(long id, long subscriptionId, long schoolId, String eventType, String eventId, String payload, DeliveryStatus status,
            int attempts, Instant nextAttemptAt, Integer lastStatusCode, String lastError, Instant deliveredAt, Instant createdAt) {}

    /** A claimed delivery with what is needed to post it. */
    public record Claimed(DeliveryRow delivery, String url, String secret) {}

    /** A new subscription, active whatever {@code s.active()} says; returns its id. */
    public long insertSubscription(SubscriptionRow s) {
        return subscriptions.save(new WebhookSubscriptionRow(null, s.schoolId(), s.url(), s.events(), seal(s.schoolId(), s.secret()), s.description(), true,
                s.createdBy(), s.createdAt())).id();
    }

    /*
     * The signing secret must be recoverable to sign each delivery, so it cannot be hashed: it is sealed (SecretBox,
     * AES-GCM under SECRETS_KEY, which is not in the database) on the way in and opened on the way out, so rows read
     * from here carry it in clear only in memory.
     */
    private String seal(long schoolId, String secret) {
        return secrets.seal(secret, "webhook-secret:" + schoolId);
    }

    private String open(long schoolId, String stored) {
        // a secret written before sealing began is used as it is until WebhookSecretSealer seals it at start-up
        return SecretBox.isSealed(stored) ? secrets.open(stored, "webhook-secret:" + schoolId) : stored;
    }

    /** Seals the secrets of subscriptions made before secrets were sealed; returns how many. */
    public int sealLegacySecrets() {
        List<WebhookSubscriptionRow> legacy = subscriptions.findUnsealed();
        for (WebhookSubscriptionRow l : legacy) {
            subscriptions.seal(l.id(), seal(l.schoolId(), l.secret()));
        }
        return legacy.size();
    }

    public List<SubscriptionRow> subscriptions(long schoolId) {
        return subscriptions.findBySchoolIdOrderById(schoolId).stream().map(r -> new SubscriptionRow(r.id(), r.schoolId(), r.url(), r.events(),
                open(r.schoolId(), r.secret()), r.description(), r.active(), r.createdBy(), r.createdAt())).toList();
    }

    public Optional<SubscriptionRow> subscription(long schoolId, long id) {
        return subscriptions(schoolId).stream().filter(s -> s.id() == id).findFirst();
    }

    public void deactivate(long schoolId, long id) {
        subscriptions.deactivate(schoolId, id);
    }

    /**
     * One delivery per active subscription to this event, queued for posting in the same transaction; an event already
     * queued for a subscription is not queued twice.
     */
    @Transactional
    public int enqueue(long schoolId, String eventType, String eventId, String payload, Instant now) {
        int n = sql.update("INSERT IGNORE INTO webhook_delivery (subscription_id, school_id, event_type, event_id, payload, status, attempts, "
                + "next_attempt_at, created_at) SELECT id, school_id, :type, :event, :payload, :pending, 0, :now, :now FROM webhook_subscription "
                + "WHERE school_id = :school AND active AND FIND_IN_SET(:type, events) > 0", Sql.params("type", eventType).and("event", eventId)
                        .and("payload", payload).and("pending", DeliveryStatus.PENDING).and("now", now).and("school", schoolId));
        if (n > 0) {
            List<NewEntry> entries = sql.query("SELECT id, next_attempt_at FROM webhook_delivery WHERE school_id = :school AND event_id = :event "
                    + "AND status = :pending", Sql.params("school", schoolId).and("event", eventId).and("pending", DeliveryStatus.PENDING))
                    .list(rs -> new NewEntry(rs.getLong("id"), schoolId, NewEntry.NORMAL, Sql.instant(rs, "next_attempt_at")));
            queue.enqueue(QUEUE, entries, now);
        }
        return n;
    }

    /** A delivery with what is needed to post it, or empty when it is no longer pending. */
    public Optional<Claimed> pending(long id) {
        return sql.query("SELECT d.*, s.url, s.secret FROM webhook_delivery d JOIN webhook_subscription s ON s.id = d.subscription_id "
                + "WHERE d.id = :id AND d.status IN (:open)", Sql.params("id", id).and("open", List.of(DeliveryStatus.PENDING, DeliveryStatus.SENDING)))
                .optional(rs -> {
                    DeliveryRow d = DELIVERY.map(rs);
                    return new Claimed(d, rs.getString("url"), open(d.schoolId(), rs.getString("secret")));
                });
    }

    /** Records an attempt's outcome; the caller does so under its queue claim's token, so only the delivery's current holder writes here. */
    public void finish(long id, DeliveryStatus status, Integer statusCode, String error, Instant nextAttemptAt, Instant deliveredAt) {
        sql.update("UPDATE webhook_delivery SET status = :status, attempts = attempts + 1, last_status_code = :code, last_error = :error, "
                + "next_attempt_at = COALESCE(:next, next_attempt_at), delivered_at = :delivered, lease_owner = NULL, lease_until = NULL WHERE id = :id",
                Sql.params("status", status).and("code", statusCode).and("error", error == null ? null : error.substring(0, Math.min(error.length(), 500)))
                        .and("next", nextAttemptAt).and("delivered", deliveredAt).and("id", id));
    }

    public List<DeliveryRow> deliveries(long schoolId, long subscriptionId, int limit) {
        return sql.query("SELECT * FROM webhook_delivery WHERE school_id = :school AND subscription_id = :subscription ORDER BY id DESC LIMIT :limit",
                Sql.params("school", schoolId).and("subscription", subscriptionId).and("limit", limit)).list(DELIVERY);
    }
}
