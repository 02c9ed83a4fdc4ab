package uk.openattendance.webhooks.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

/** Used only through WebhookStore, which seals each secret on the way in and opens it on the way out. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface WebhookSubscriptionRepository extends CrudRepository<WebhookSubscriptionRow, Long> {
    List<WebhookSubscriptionRow> findBySchoolIdOrderById(long schoolId);

    @Query("UPDATE webhook_subscription SET active = FALSE WHERE school_id = :schoolId AND id = :id")
    long deactivate(long schoolId, long id);

    /** Subscriptions whose secret was stored in clear, before V016 sealed them. */
    @Query("SELECT * FROM webhook_subscription WHERE secret NOT LIKE 'sb1.%'")
    List<WebhookSubscriptionRow> findUnsealed();

    /** Replaces a clear secret by its sealed form, unless another replica sealed it first. */
    @Query("UPDATE webhook_subscription SET secret = :sealed WHERE id = :id AND secret NOT LIKE 'sb1.%'")
    long seal(long id, String sealed);
}
