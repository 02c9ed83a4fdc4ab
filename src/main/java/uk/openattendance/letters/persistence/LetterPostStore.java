package uk.openattendance.letters.persistence;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import uk.openattendance.platform.db.Sql;

/** Printed copies queued for post, and the weeks each attendance letter's chart showed when it went out. */
@Singleton
@Connectable
public class LetterPostStore {
    private final Sql sql;

    public LetterPostStore(JdbcOperations jdbc) {
        this.sql = Sql.on(jdbc);
    }

    /** A printed copy of letter {@code letterId} for contact {@code contactId}. */
    public record CopyRow(long id, long letterId, long contactId, String queuedBy, Instant queuedAt) {}

    /** Queues copies ({letterId, contactId}); a copy already queued for the same letter and contact is not queued twice. */
    public int queue(long schoolId, List<long[]> letterAndContact, String by, Instant at) {
        int n = 0;
        for (int r : sql.updateEach("INSERT IGNORE INTO letter_print_copy (school_id, letter_id, contact_id, queued_by, queued_at) "
                + "VALUES (:school, :letter, :contact, :by, :at)", letterAndContact, lc -> Sql.params("school", schoolId).and("letter", lc[0])
                        .and("contact", lc[1]).and("by", by).and("at", at))) {
            n += r > 0 || r == java.sql.Statement.SUCCESS_NO_INFO ? 1 : 0;
        }
        return n;
    }

    /** Copies not yet printed, oldest first; with {@code lock}, held until the caller's transaction ends (two print runs never print one copy twice). */
    public List<CopyRow> queued(long schoolId, boolean lock) {
        return sql.query("SELECT id, letter_id, contact_id, queued_by, queued_at FROM letter_print_copy WHERE school_id = :school AND printed_at IS NULL "
                + "ORDER BY id LIMIT 2000" + (lock ? " FOR UPDATE" : ""), Sql.params("school", schoolId)).list(rs -> new CopyRow(rs.getLong("id"),
                        rs.getLong("letter_id"), rs.getLong("contact_id"), rs.getString("queued_by"), Sql.instant(rs, "queued_at")));
    }

    public int markPrinted(long schoolId, Collection<Long> copyIds, String by, Instant at) {
        if (copyIds.isEmpty()) {
            return 0;
        }
        return sql.update("UPDATE letter_print_copy SET printed_by = :by, printed_at = :at WHERE school_id = :school AND printed_at IS NULL AND id IN (:ids)",
                Sql.params("by", by).and("at", at).and("school", schoolId).and("ids", copyIds));
    }

    /** Marks the queued copies of these letters printed: the letters went out in a print run of their own. */
    public int markLettersPrinted(long schoolId, Collection<Long> letterIds, String by, Instant at) {
        if (letterIds.isEmpty()) {
            return 0;
        }
        return sql.update("UPDATE letter_print_copy SET printed_by = :by, printed_at = :at WHERE school_id = :school AND printed_at IS NULL "
                + "AND letter_id IN (:letters)", Sql.params("by", by).and("at", at).and("school", schoolId).and("letters", letterIds));
    }

    /** The stored chart weeks (JSON) of these letters, by letter id. */
    public Map<Long, String> charts(Collection<Long> letterIds) {
        Map<Long, String> out = new HashMap<>();
        if (letterIds.isEmpty()) {
            return out;
        }
        sql.query("SELECT letter_id, weeks FROM letter_chart WHERE letter_id IN (:letters)", Sql.params("letters", letterIds))
                .list(rs -> Map.entry(rs.getLong("letter_id"), rs.getString("weeks"))).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** Keeps each letter's chart weeks as first sent; a letter that already has them keeps its own. */
    public void saveCharts(long schoolId, Map<Long, String> weeksByLetter) {
        sql.updateEach("INSERT IGNORE INTO letter_chart (letter_id, school_id, weeks) VALUES (:letter, :school, :weeks)", List.copyOf(weeksByLetter.entrySet()),
                e -> Sql.params("letter", e.getKey()).and("school", schoolId).and("weeks", e.getValue()));
    }
}
