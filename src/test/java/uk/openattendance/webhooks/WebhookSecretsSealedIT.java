package uk.openattendance.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import uk.openattendance.fixtures.TestWorld;
import uk.openattendance.webhooks.persistence.WebhookStore;

/** Signing secrets are kept sealed: a new one is sealed on the way in, and one left in clear from before V016 is sealed at start-up. */
@MicronautTest(transactional = false)
class WebhookSecretsSealedIT {
    @Inject TestWorld world;
    @Inject WebhookStore store;
    @Property(name = "datasources.default.url") String jdbcUrl;

    @Test
    void aNewSecretIsStoredSealedAndReadBackInClear() throws Exception {
        TestWorld.School school = world.school();
        long id = store.insertSubscription(new WebhookStore.SubscriptionRow(0, school.id(), "https://hooks.example.org/a", "leave.decided",
                "whsec_new0123456789abcdef", "sealed on the way in", false, "tests", Instant.parse("2026-11-23T10:00:00Z")));
        assertThat(stored(id)).startsWith("sb1.").doesNotContain("whsec_new0123456789abcdef");
        WebhookStore.SubscriptionRow read = store.subscription(school.id(), id).orElseThrow();
        assertThat(read.secret()).isEqualTo("whsec_new0123456789abcdef");
        assertThat(read.active()).as("a new subscription is active").isTrue();
        assertThat(read.description()).isEqualTo("sealed on the way in");
        assertThat(read.createdAt()).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
        assertThat(store.subscription(school.id() + 100000, id)).as("another school's id finds nothing").isEmpty();
    }

    @Test
    void aSecretLeftInClearIsSealedOnceAndStillSignsWithTheSameValue() throws Exception {
        TestWorld.School school = world.school();
        long id;
        try (Connection c = DriverManager.getConnection(jdbcUrl, "root", ""); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO webhook_subscription (school_id, url, events, secret, description, active, created_by, created_at) "
                        + "VALUES (?, 'https://hooks.example.org/b', 'leave.decided', 'whsec_legacy0123456789', NULL, TRUE, 'tests', ?)",
                java.sql.Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, school.id());
            ps.setTimestamp(2, Timestamp.from(Instant.parse("2026-11-23T10:00:00Z")));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        assertThat(store.subscription(school.id(), id).orElseThrow().secret()).as("read as it is until sealed").isEqualTo("whsec_legacy0123456789");
        assertThat(store.sealLegacySecrets()).isGreaterThanOrEqualTo(1);
        assertThat(stored(id)).startsWith("sb1.").doesNotContain("whsec_legacy0123456789");
        assertThat(store.subscription(school.id(), id).orElseThrow().secret()).isEqualTo("whsec_legacy0123456789");
        String sealed = stored(id);
        store.sealLegacySecrets();
        assertThat(stored(id)).as("sealed once").isEqualTo(sealed);
    }

    String stored(long id) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "root", ""); PreparedStatement ps = c.prepareStatement(
                "SELECT secret FROM webhook_subscription WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
