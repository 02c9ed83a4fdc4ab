package uk.openattendance.parent.persistence;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What each family last heard of where their report or request stands (family_status_told). */
@Singleton
@Connectable
public class StatusToldStore {
    private final JdbcOperations jdbc;

    public StatusToldStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The status last told for each of these items, read with a lock: two transactions changing one report at once
     * then decide one after the other (the outbox's key stops a second text even without it).
     */
    public Map<Long, String> toldForUpdate(String kind, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<Long> list = List.copyOf(ids);
        return jdbc.prepareStatement("SELECT item_id, status FROM family_status_told WHERE item_kind = ? AND item_id IN ("
                + String.join(",", list.stream().map(i -> "?").toList()) + ") FOR UPDATE", ps -> {
                    ps.setString(1, kind);
                    for (int i = 0; i < list.size(); i++) {
                        ps.setLong(i + 2, list.get(i));
                    }
                    Map<Long, String> out = new HashMap<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.put(rs.getLong(1), rs.getString(2));
                        }
                    }
                    return out;
                });
    }

    public void keep(String kind, long id, long schoolId, String status, Instant now) {
        jdbc.prepareStatement("INSERT INTO family_status_told (item_kind, item_id, school_id, status, told_at) VALUES (?,?,?,?,?) "
                + "ON DUPLICATE KEY UPDATE status = VALUES(status), told_at = VALUES(told_at)", ps -> {
                    ps.setString(1, kind);
                    ps.setLong(2, id);
                    ps.setLong(3, schoolId);
                    ps.setString(4, status);
                    ps.setTimestamp(5, Timestamp.from(now));
                    return ps.executeUpdate();
                });
    }
}
