package uk.openattendance.parent.persistence;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import uk.openattendance.platform.db.Sql;

/** What each family last heard of where their report or request stands (family_status_told). */
@Singleton
@Connectable
public class StatusToldStore {
    private final Sql sql;

    public StatusToldStore(JdbcOperations jdbc) {
        this.sql = Sql.on(jdbc);
    }

    /**
     * The status last told for each of these items, read with a lock: two transactions changing one report at once
     * then decide one after the other (the outbox's key stops a second text even without it).
     */
    public Map<Long, String> toldForUpdate(String kind, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> out = new HashMap<>();
        sql.query("SELECT item_id, status FROM family_status_told WHERE item_kind = :kind AND item_id IN (:ids) FOR UPDATE",
                Sql.params("kind", kind).and("ids", List.copyOf(ids))).list(rs -> out.put(rs.getLong("item_id"), rs.getString("status")));
        return out;
    }

    public void keep(String kind, long id, long schoolId, String status, Instant now) {
        sql.update("INSERT INTO family_status_told (item_kind, item_id, school_id, status, told_at) VALUES (:kind, :id, :school, :status, :now) "
                + "ON DUPLICATE KEY UPDATE status = VALUES(status), told_at = VALUES(told_at)",
                Sql.params("kind", kind).and("id", id).and("school", schoolId).and("status", status).and("now", now));
    }
}
