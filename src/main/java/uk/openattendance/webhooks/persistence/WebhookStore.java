package uk.openattendance.webhooks.persistence;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import uk.openattendance.platform.db.Sql;
import uk.openattendance.platform.queue.NewEntry;
import uk.openattendance.platform.queue.QueueStore;
import uk.openattendance.platform.secrets.SecretBox;

/** Subscriptions and deliveries; deliveries are queued in the platform's leased queue, so any number of instances can post them. */
@Singleton
@Connectable
public class WebhookStore {
    /** The name of the deliveries' queue in the platform's leased queue. */
    public static final String QUEUE = "webhooks";

    private final JdbcOperations jdbc;
    private final SecretBox secrets;
    private final QueueStore queue;

    public WebhookStore(JdbcOperations jdbc, SecretBox secrets, QueueStore queue) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.queue = queue;
    }

    public record SubscriptionRow(long id, long schoolId, String url, String events, String secret, String description, boolean active, String createdBy,
            Instant createdAt) {}

    public record DeliveryRow(long id, long subscriptionId, long schoolId, String eventType, String eventId, String payload, String status, int attempts,
            Instant nextAttemptAt, Integer lastStatusCode, String lastError, Instant deliveredAt, Instant createdAt) {}

    /** A claimed delivery with what is needed to post it. */
    public record Claimed(DeliveryRow delivery, String url, String secret) {}

    public long insertSubscription(SubscriptionRow s) {
        return Sql.insert(jdbc, "INSERT INTO webhook_subscription (school_id, url, events, secret, description, active, created_by, created_at) "
                + "VALUES (?,?,?,?,?,?,?,?)", s.schoolId(), s.url(), s.events(), seal(s.schoolId(), s.secret()), s.description(), true, s.createdBy(),
                s.createdAt());
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
        List<long[]> ids = new ArrayList<>();
        List<String> clear = new ArrayList<>();
        jdbc.prepareStatement("SELECT id, school_id, secret FROM webhook_subscription WHERE secret NOT LIKE 'sb1.%'", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(new long[] {rs.getLong(1), rs.getLong(2)});
                    clear.add(rs.getString(3));
                }
            }
            return null;
        });
        for (int i = 0; i < ids.size(); i++) {
            long[] row = ids.get(i);
            String sealed = seal(row[1], clear.get(i));
            jdbc.prepareStatement("UPDATE webhook_subscription SET secret = ? WHERE id = ? AND secret NOT LIKE 'sb1.%'", ps -> {
                Sql.bind(ps, sealed, row[0]);
                return ps.executeUpdate();
            });
        }
        return ids.size();
    }

    public List<SubscriptionRow> subscriptions(long schoolId) {
        return jdbc.prepareStatement("SELECT * FROM webhook_subscription WHERE school_id = ? ORDER BY id", ps -> {
            ps.setLong(1, schoolId);
            return readSubscriptions(ps);
        });
    }

    public Optional<SubscriptionRow> subscription(long schoolId, long id) {
        return subscriptions(schoolId).stream().filter(s -> s.id() == id).findFirst();
    }

    public void deactivate(long schoolId, long id) {
        jdbc.prepareStatement("UPDATE webhook_subscription SET active = FALSE WHERE school_id = ? AND id = ?", ps -> {
            Sql.bind(ps, schoolId, id);
            return ps.executeUpdate();
        });
    }

    /**
     * One delivery per active subscription to this event, queued for posting in the same transaction; an event already
     * queued for a subscription is not queued twice.
     */
    @Transactional
    public int enqueue(long schoolId, String eventType, String eventId, String payload, Instant now) {
        int n = jdbc.prepareStatement("INSERT IGNORE INTO webhook_delivery (subscription_id, school_id, event_type, event_id, payload, status, attempts, "
                + "next_attempt_at, created_at) SELECT id, school_id, ?, ?, ?, 'PENDING', 0, ?, ? FROM webhook_subscription "
                + "WHERE school_id = ? AND active AND FIND_IN_SET(?, events) > 0", ps -> {
                    Sql.bind(ps, eventType, eventId, payload, now, now, schoolId, eventType);
                    return ps.executeUpdate();
                });
        if (n > 0) {
            List<NewEntry> entries = jdbc.prepareStatement("SELECT id, next_attempt_at FROM webhook_delivery WHERE school_id = ? AND event_id = ? "
                    + "AND status = 'PENDING'", ps -> {
                        Sql.bind(ps, schoolId, eventId);
                        List<NewEntry> out = new ArrayList<>();
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                out.add(new NewEntry(rs.getLong(1), schoolId, NewEntry.NORMAL, rs.getTimestamp(2).toInstant()));
                            }
                        }
                        return out;
                    });
            queue.enqueue(QUEUE, entries, now);
        }
        return n;
    }

    /** A delivery with what is needed to post it, or empty when it is no longer pending. */
    public Optional<Claimed> pending(long id) {
        return jdbc.prepareStatement("SELECT d.*, s.url, s.secret FROM webhook_delivery d JOIN webhook_subscription s ON s.id = d.subscription_id "
                + "WHERE d.id = ? AND d.status IN ('PENDING', 'SENDING')", ps -> {
                    Sql.bind(ps, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            return Optional.<Claimed>empty();
                        }
                        DeliveryRow d = delivery(rs);
                        return Optional.of(new Claimed(d, rs.getString("url"), open(d.schoolId(), rs.getString("secret"))));
                    }
                });
    }

    /** Records an attempt's outcome; the caller does so under its queue claim's token, so only the delivery's current holder writes here. */
    public void finish(long id, String status, Integer statusCode, String error, Instant nextAttemptAt, Instant deliveredAt) {
        jdbc.prepareStatement("UPDATE webhook_delivery SET status = ?, attempts = attempts + 1, last_status_code = ?, last_error = ?, "
                + "next_attempt_at = COALESCE(?, next_attempt_at), delivered_at = ?, lease_owner = NULL, lease_until = NULL WHERE id = ?", ps -> {
                    Sql.bind(ps, status, statusCode, error == null ? null : error.substring(0, Math.min(error.length(), 500)), nextAttemptAt, deliveredAt, id);
                    return ps.executeUpdate();
                });
    }

    public List<DeliveryRow> deliveries(long schoolId, long subscriptionId, int limit) {
        return jdbc.prepareStatement("SELECT * FROM webhook_delivery WHERE school_id = ? AND subscription_id = ? ORDER BY id DESC LIMIT ?", ps -> {
            Sql.bind(ps, schoolId, subscriptionId, limit);
            List<DeliveryRow> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(delivery(rs));
                }
            }
            return out;
        });
    }

    private static DeliveryRow delivery(ResultSet rs) throws SQLException {
        return new DeliveryRow(rs.getLong("id"), rs.getLong("subscription_id"), rs.getLong("school_id"), rs.getString("event_type"),
                rs.getString("event_id"), rs.getString("payload"), rs.getString("status"), rs.getInt("attempts"), Sql.instant(rs, "next_attempt_at"),
                rs.getObject("last_status_code") == null ? null : rs.getInt("last_status_code"), rs.getString("last_error"),
                Sql.instant(rs, "delivered_at"), Sql.instant(rs, "created_at"));
    }

    private List<SubscriptionRow> readSubscriptions(PreparedStatement ps) throws SQLException {
        List<SubscriptionRow> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new SubscriptionRow(rs.getLong("id"), rs.getLong("school_id"), rs.getString("url"), rs.getString("events"),
                        open(rs.getLong("school_id"), rs.getString("secret")),
                        rs.getString("description"), rs.getBoolean("active"), rs.getString("created_by"), Sql.instant(rs, "created_at")));
            }
        }
        return out;
    }
}
