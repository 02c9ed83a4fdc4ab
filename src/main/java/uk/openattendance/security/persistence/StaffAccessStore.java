package uk.openattendance.security.persistence;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
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

    private final JdbcOperations jdbc;

    public StaffAccessStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The account if it has not been removed, with every role it holds (none for a platform administrator alone). */
    public Optional<Standing> standing(long staffId) {
        return jdbc.prepareStatement("SELECT s.display_name, s.platform_admin, r.role, r.school_id, r.trust_id FROM staff s "
                + "LEFT JOIN staff_role r ON r.staff_id = s.id WHERE s.id = ? AND s.removed_at IS NULL ORDER BY r.id", ps -> {
                    ps.setLong(1, staffId);
                    String name = null;
                    boolean admin = false;
                    List<Grant> grants = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            name = rs.getString(1);
                            admin = rs.getBoolean(2);
                            if (rs.getString(3) != null) {
                                grants.add(new Grant(rs.getString(3), Sql.nullableLong(rs, "school_id"), Sql.nullableLong(rs, "trust_id")));
                            }
                        }
                    }
                    return name == null ? Optional.<Standing>empty() : Optional.of(new Standing(name, admin, grants));
                });
    }
}
