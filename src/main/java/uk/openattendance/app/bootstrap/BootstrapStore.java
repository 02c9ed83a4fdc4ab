package uk.openattendance.app.bootstrap;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;
import uk.openattendance.platform.db.Sql;

/** The one row saying the production bootstrap was consumed: when, and for which administrator. */
@Singleton
@Connectable
class BootstrapStore {
    record Consumed(Instant at, String adminEmail, long trustId) {}

    private final Sql sql;

    BootstrapStore(JdbcOperations jdbc) {
        this.sql = Sql.on(jdbc);
    }

    Optional<Consumed> consumed() {
        return sql.query("SELECT consumed_at, admin_email, trust_id FROM platform_bootstrap WHERE id = 1")
                .optional(rs -> new Consumed(Sql.instant(rs, "consumed_at"), rs.getString("admin_email"), rs.getLong("trust_id")));
    }

    /** Fails with a duplicate key when another replica consumed it first, rolling back what this one made. */
    void consume(long trustId, long staffId, String adminEmail, Instant now) {
        sql.update("INSERT INTO platform_bootstrap (id, trust_id, staff_id, admin_email, consumed_at) VALUES (1, :trust, :staff, :email, :now)",
                Sql.params("trust", trustId).and("staff", staffId).and("email", adminEmail).and("now", now));
    }
}
