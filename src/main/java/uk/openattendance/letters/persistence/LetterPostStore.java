package uk.openattendance.letters.persistence;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import uk.openattendance.platform.db.Sql;

/** Printed copies queued for post, and the weeks each attendance letter's chart showed when it went out. */
@Singleton
@Connectable
public class LetterPostStore {
    private final JdbcOperations jdbc;

    public LetterPostStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** A printed copy of letter {@code letterId} for contact {@code contactId}. */
    public record CopyRow(long id, long letterId, long contactId, String queuedBy, Instant queuedAt) {}

    /** Queues copies ({letterId, contactId}); a copy already queued for the same letter and contact is not queued twice. */
    public int queue(long schoolId, List<long[]> letterAndContact, String by, Instant at) {
        if (letterAndContact.isEmpty()) {
            return 0;
        }
        return jdbc.prepareStatement("INSERT IGNORE INTO letter_print_copy (school_id, letter_id, contact_id, queued_by, queued_at) VALUES (?,?,?,?,?)",
                ps -> {
                    for (long[] lc : letterAndContact) {
                        Sql.bind(ps, schoolId, lc[0], lc[1], by, at);
                        ps.addBatch();
                    }
                    int n = 0;
                    for (int r : ps.executeBatch()) {
                        n += r > 0 || r == java.sql.Statement.SUCCESS_NO_INFO ? 1 : 0;
                    }
                    return n;
                });
    }

    /** Copies not yet printed, oldest first; with {@code lock}, held until the caller's transaction ends (two print runs never print one copy twice). */
    public List<CopyRow> queued(long schoolId, boolean lock) {
        return jdbc.prepareStatement("SELECT id, letter_id, contact_id, queued_by, queued_at FROM letter_print_copy WHERE school_id = ? AND printed_at IS NULL "
                + "ORDER BY id LIMIT 2000" + (lock ? " FOR UPDATE" : ""), ps -> {
                    ps.setLong(1, schoolId);
                    List<CopyRow> out = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(new CopyRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getTimestamp(5).toInstant()));
                        }
                    }
                    return out;
                });
    }

    public int markPrinted(long schoolId, Collection<Long> copyIds, String by, Instant at) {
        if (copyIds.isEmpty()) {
            return 0;
        }
        return jdbc.prepareStatement("UPDATE letter_print_copy SET printed_by = ?, printed_at = ? WHERE school_id = ? AND printed_at IS NULL AND id IN ("
                + Sql.ids(copyIds) + ")", ps -> {
                    Sql.bind(ps, by, at, schoolId);
                    return ps.executeUpdate();
                });
    }

    /** Marks the queued copies of these letters printed: the letters went out in a print run of their own. */
    public int markLettersPrinted(long schoolId, Collection<Long> letterIds, String by, Instant at) {
        if (letterIds.isEmpty()) {
            return 0;
        }
        return jdbc.prepareStatement("UPDATE letter_print_copy SET printed_by = ?, printed_at = ? WHERE school_id = ? AND printed_at IS NULL AND letter_id IN ("
                + Sql.ids(letterIds) + ")", ps -> {
                    Sql.bind(ps, by, at, schoolId);
                    return ps.executeUpdate();
                });
    }

    /** The stored chart weeks (JSON) of these letters, by letter id. */
    public Map<Long, String> charts(Collection<Long> letterIds) {
        Map<Long, String> out = new HashMap<>();
        if (letterIds.isEmpty()) {
            return out;
        }
        return jdbc.prepareStatement("SELECT letter_id, weeks FROM letter_chart WHERE letter_id IN (" + Sql.ids(letterIds) + ")", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), rs.getString(2));
                }
            }
            return out;
        });
    }

    /** Keeps each letter's chart weeks as first sent; a letter that already has them keeps its own. */
    public void saveCharts(long schoolId, Map<Long, String> weeksByLetter) {
        if (weeksByLetter.isEmpty()) {
            return;
        }
        jdbc.prepareStatement("INSERT IGNORE INTO letter_chart (letter_id, school_id, weeks) VALUES (?,?,?)", ps -> {
            for (var e : weeksByLetter.entrySet()) {
                Sql.bind(ps, e.getKey(), schoolId, e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
            return null;
        });
    }
}
