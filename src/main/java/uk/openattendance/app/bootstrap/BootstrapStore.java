package uk.openattendance.app.bootstrap;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;
import uk.openattendance.platform.db.Sql;

/** The one row saying the production bootstrap was consumed: when, and for which administrator. */
@Singleton
@Connectable
class BootstrapStore {
    record Consumed(Instant at, String adminEmail, long trustId) {}

    private final JdbcOperations jdbc;

    BootstrapStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Consumed> consumed() {
        return jdbc.prepareStatement("SELECT consumed_at, admin_email, trust_id FROM platform_bootstrap WHERE id = 1", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Consumed(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getLong(3))) : Optional.empty();
            }
        });
    }

    /** Fails with a duplicate key when another replica consumed it first, rolling back what this one made. */
    void consume(long trustId, long staffId, String adminEmail, Instant now) {
        jdbc.prepareStatement("INSERT INTO platform_bootstrap (id, trust_id, staff_id, admin_email, consumed_at) VALUES (1, ?, ?, ?, ?)", ps -> {
            Sql.bind(ps, trustId, staffId, adminEmail, now);
            return ps.executeUpdate();
        });
    }
}
