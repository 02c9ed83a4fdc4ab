package uk.openattendance.security.persistence;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import uk.openattendance.platform.db.Sql;

/**
 * A standing account and its roles in one read: the caller is built from it on every request, on every replica, so
 * it costs what the removal check alone used to cost (one read by primary key, the roles by their index beside it).
 */
@Singleton
@Connectable
public class StaffAccessStore {
    public record Grant(String role, Long schoolId, Long trustId) {}

    public record Standing(String displayName, boolean platformAdmin, List<Grant> grants) {}

    private final Sql sql;

    public StaffAccessStore(JdbcOperations jdbc) {
        this.sql = Sql.on(jdbc);
    }

    /** One row of the join: the account, and one role it holds (role null when it holds none). */
    private record Row(String displayName, boolean platformAdmin, Grant grant) {}

    /** The account if it has not been removed, with every role it holds (none for a platform administrator alone). */
    public Optional<Standing> standing(long staffId) {
        List<Row> rows = sql.query("SELECT s.display_name, s.platform_admin, r.role, r.school_id, r.trust_id FROM staff s "
                + "LEFT JOIN staff_role r ON r.staff_id = s.id WHERE s.id = :staff AND s.removed_at IS NULL ORDER BY r.id", Sql.params("staff", staffId))
                .list(rs -> new Row(rs.getString("display_name"), rs.getBoolean("platform_admin"), rs.getString("role") == null ? null
                        : new Grant(rs.getString("role"), Sql.nullableLong(rs, "school_id"), Sql.nullableLong(rs, "trust_id"))));
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<Grant> grants = new ArrayList<>();
        for (Row row : rows) {
            if (row.grant() != null) {
                grants.add(row.grant());
            }
        }
        return Optional.of(new Standing(rows.get(0).displayName(), rows.get(0).platformAdmin(), grants));
    }
}
