package uk.openattendance.register.persistence;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import uk.openattendance.platform.db.RowMapper;
import uk.openattendance.platform.db.Sql;
import uk.openattendance.platform.db.UnionRead;
import uk.openattendance.register.domain.HistoryChain;

/**
 * The register's append-only history ({@code mark_history}) and each pupil's chain head ({@code pupil_chain_head}),
 * written inside the caller's transaction: history as multi-row INSERTs, heads as one multi-row upsert.
 */
@Singleton
@Connectable
public class ChainStore {
    private static final String HISTORY_COLUMNS = "school_id, pupil_id, seq, mark_date, session, old_code, new_code, old_minutes_late, new_minutes_late, "
            + "reason, changed_by, changed_at, prev_hash, key_id, hash";

    private static final RowMapper<HistoryRow> HISTORY = rs -> new HistoryRow(rs.getLong("school_id"), rs.getLong("pupil_id"), rs.getLong("seq"),
            Sql.date(rs, "mark_date"), rs.getString("session"), rs.getString("old_code"), rs.getString("new_code"), rs.getInt("old_minutes_late"),
            rs.getInt("new_minutes_late"), rs.getString("reason"), rs.getString("changed_by"), Sql.instant(rs, "changed_at"), rs.getString("prev_hash"),
            rs.getString("key_id"), rs.getString("hash"));

    private static final RowMapper<ChainHead> HEAD = rs -> new ChainHead(rs.getLong("pupil_id"), rs.getLong("school_id"), rs.getLong("seq"),
            rs.getString("hash"));

    private final Sql sql;

    public ChainStore(JdbcOperations jdbc) {
        this.sql = Sql.on(jdbc);
    }

    /** The pupils' chain heads as last committed, without a lock: which heads exist, so a writer knows whether it must create some. */
    public static UnionRead.Part<ChainHead> headsPart(Collection<Long> pupilIds) {
        return new UnionRead.Part<>(List.of("pupil_id", "school_id", "seq", "hash"), "FROM pupil_chain_head WHERE pupil_id IN (:pupils)",
                Sql.params("pupils", pupilIds), v -> new ChainHead(v.id(0), v.id(1), v.id(2), v.text(3)));
    }

    /**
     * Locks the pupils' chain heads for this transaction, so two writers to one pupil's history queue instead of forking
     * it. The upsert creates missing heads (seq 0) and takes exclusive locks in pupil order in one step; a plain
     * SELECT ... FOR UPDATE would take gap locks on missing rows, and INSERT IGNORE shared ones, both of which let two
     * saves over the same pupils deadlock.
     */
    public Map<Long, ChainHead> lockHeads(long schoolId, Collection<Long> pupilIds) {
        return lockHeads(schoolId, pupilIds, false);
    }

    /**
     * As {@link #lockHeads(long, Collection)}; {@code allExist} when the caller has just seen every one of these heads
     * (they are never deleted while marks exist), so a plain SELECT ... FOR UPDATE takes record locks only and the
     * creating upsert, one round trip, is not needed.
     */
    public Map<Long, ChainHead> lockHeads(long schoolId, Collection<Long> pupilIds, boolean allExist) {
        if (pupilIds.isEmpty()) {
            return Map.of();
        }
        if (allExist) {
            Map<Long, ChainHead> heads = heads(pupilIds, " FOR UPDATE");
            if (heads.size() == pupilIds.size()) {
                return heads;
            }
        }
        sql.batch("INSERT INTO pupil_chain_head (pupil_id, school_id, seq, hash)", 4, "ON DUPLICATE KEY UPDATE seq = seq", List.copyOf(pupilIds),
                (v, id) -> v.add(id).add(schoolId).add(0).add(HistoryChain.GENESIS));
        return heads(pupilIds, " FOR UPDATE");
    }

    private Map<Long, ChainHead> heads(Collection<Long> pupilIds, String lock) {
        return sql.query("SELECT pupil_id, school_id, seq, hash FROM pupil_chain_head WHERE pupil_id IN (:pupils)" + lock, Sql.params("pupils", pupilIds))
                .list(HEAD).stream().collect(Collectors.toMap(ChainHead::pupilId, h -> h, (a, b) -> b, HashMap::new));
    }

    public ChainHead head(long pupilId) {
        Optional<ChainHead> head = sql.query("SELECT pupil_id, school_id, seq, hash FROM pupil_chain_head WHERE pupil_id = :pupil",
                Sql.params("pupil", pupilId)).optional(HEAD);
        return head.orElse(null);
    }

    public Map<Long, ChainHead> headsOf(Collection<Long> pupilIds) {
        if (pupilIds.isEmpty()) {
            return Map.of();
        }
        return heads(pupilIds, "");
    }

    public List<ChainHead> headsOfSchool(long schoolId) {
        return sql.query("SELECT pupil_id, school_id, seq, hash FROM pupil_chain_head WHERE school_id = :school ORDER BY pupil_id",
                Sql.params("school", schoolId)).list(HEAD);
    }

    /** Appends the entries and moves each pupil's chain head to its latest one: two multi-row statements. */
    public void appendHistory(List<HistoryRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        sql.batch("INSERT INTO mark_history (" + HISTORY_COLUMNS + ")", 15, "", rows, (v, h) -> v.add(h.schoolId()).add(h.pupilId())
                .add(h.seq()).add(h.date()).add(h.session()).add(h.oldCode()).add(h.newCode()).add(h.oldMinutesLate()).add(h.newMinutesLate())
                .add(h.reason()).add(h.changedBy()).add(h.changedAt()).add(h.prevHash()).add(h.keyId()).add(h.hash()));
        Map<Long, HistoryRow> latest = new HashMap<>();
        for (HistoryRow h : rows) {
            latest.merge(h.pupilId(), h, (a, b) -> a.seq() > b.seq() ? a : b);
        }
        sql.batch("INSERT INTO pupil_chain_head (pupil_id, school_id, seq, hash)", 4, "ON DUPLICATE KEY UPDATE seq = VALUES(seq), hash = VALUES(hash)",
                List.copyOf(latest.values()), (v, h) -> v.add(h.pupilId()).add(h.schoolId()).add(h.seq()).add(h.hash()));
    }

    public List<HistoryRow> history(long pupilId) {
        return sql.query("SELECT " + HISTORY_COLUMNS + " FROM mark_history WHERE pupil_id = :pupil ORDER BY seq", Sql.params("pupil", pupilId)).list(HISTORY);
    }

    /** The school's whole history, pupil by pupil in sequence order; streamed by the caller in pages of pupils. */
    public List<HistoryRow> historyOfPupils(Collection<Long> pupilIds) {
        if (pupilIds.isEmpty()) {
            return List.of();
        }
        return sql.query("SELECT " + HISTORY_COLUMNS + " FROM mark_history WHERE pupil_id IN (:pupils) ORDER BY pupil_id, seq",
                Sql.params("pupils", pupilIds)).list(HISTORY);
    }

    /** The pupils of a school with a chain head, any history or any mark, so a chain deleted with its head still shows by its marks. */
    public List<Long> pupilsWithRecords(long schoolId) {
        return sql.query("SELECT pupil_id FROM pupil_chain_head WHERE school_id = :school UNION SELECT DISTINCT pupil_id FROM mark_history "
                + "WHERE school_id = :school UNION SELECT DISTINCT pupil_id FROM mark WHERE school_id = :school ORDER BY 1", Sql.params("school", schoolId))
                .list(rs -> rs.getLong(1));
    }

    /** Each pupil's last history entry (its sequence number and link), for the daily seal; read from the history itself. */
    public List<ChainHead> lastEntriesOfSchool(long schoolId) {
        return sql.query("SELECT h.pupil_id, h.school_id, h.seq, h.hash FROM mark_history h JOIN (SELECT pupil_id, MAX(seq) AS seq "
                + "FROM mark_history WHERE school_id = :school GROUP BY pupil_id) m ON m.pupil_id = h.pupil_id AND m.seq = h.seq ORDER BY h.pupil_id",
                Sql.params("school", schoolId)).list(HEAD);
    }
}
