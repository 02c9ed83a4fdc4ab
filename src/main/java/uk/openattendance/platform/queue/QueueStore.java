package uk.openattendance.platform.queue;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.openattendance.platform.db.RowMapper;
import uk.openattendance.platform.db.Sql;

/**
 * The queue_entry table. An entry is AVAILABLE (waiting for its due time) or CLAIMED (an instance holds it until
 * lease_until, renewed by its heartbeat); when its work is finished the entry is deleted, and the owning row (the
 * outbox message, the job, the delivery) keeps the record. Every write a holder makes is fenced by its claim token:
 * {@code WHERE id = :id AND claim_token = :token}, so a holder whose lease lapsed and whose entry was claimed again cannot
 * record anything.
 */
@Singleton
@Connectable
public class QueueStore {
    private static final Logger LOG = LoggerFactory.getLogger(QueueStore.class);
    private static final String COLUMNS = "id, queue_name, ref_id, school_id, priority, due_at, attempts, claim_token, in_doubt, owner, lease_until";

    /** What a holder records: the work is finished, or due again (counted as an attempt, or not, or starting afresh). */
    public enum Settlement { DONE, RETRY, RETRY_IN_DOUBT, DEFER, RESTART }

    private static final RowMapper<QueueEntry> ENTRY = rs -> new QueueEntry(rs.getLong("id"), rs.getString("queue_name"), rs.getLong("ref_id"),
            rs.getLong("school_id"), rs.getInt("priority"), Sql.instant(rs, "due_at"), rs.getInt("attempts"), rs.getLong("claim_token"),
            rs.getBoolean("in_doubt"), rs.getString("owner"), Sql.instant(rs, "lease_until"));

    /** One row of a heartbeat's read-back: an entry this owner holds and its token now. */
    private record Held(long id, long claimToken) {}

    private final Sql sql;

    public QueueStore(JdbcOperations jdbc) {
        this.sql = Sql.on(jdbc);
    }

    /**
     * Queues work in the caller's transaction, so it is queued exactly when the owning row is written. Work already
     * queued for the same row (waiting or being worked) is left as it is.
     */
    @Transactional
    public int enqueue(String queue, Collection<NewEntry> entries, Instant now) {
        if (entries.isEmpty()) {
            return 0;
        }
        int[] inserted = sql.updateEach("INSERT IGNORE INTO queue_entry (queue_name, ref_id, school_id, priority, due_at, state, attempts, claim_token, "
                + "in_doubt, created_at) VALUES (:queue, :ref, :school, :priority, :due, 'AVAILABLE', 0, 0, FALSE, :now)", List.copyOf(entries),
                e -> Sql.params("queue", queue).and("ref", e.refId()).and("school", e.schoolId()).and("priority", e.priority())
                        .and("due", e.dueAt() == null ? now : e.dueAt()).and("now", now));
        int n = 0;
        for (int r : inserted) {
            n += r > 0 ? 1 : 0;
        }
        return n;
    }

    /**
     * Claims up to {@code limit} due entries of one queue for {@code owner}, most urgent first. SKIP LOCKED lets every
     * instance claim at once without waiting on each other; each claim raises the entry's token, so the previous
     * holder's token (if any) is stale from this moment.
     */
    // READ COMMITTED: no gap locks, so claiming never blocks the transactions that are adding work
    @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
    public List<QueueEntry> claim(String queue, String owner, Instant now, Instant leaseUntil, int limit, Collection<Long> onlySchools,
            Collection<Long> exceptSchools) {
        if (limit <= 0) {
            return List.of();
        }
        // an empty "except" excludes nothing, so it leaves the condition out (NOT IN (NULL) would exclude everything)
        String only = (onlySchools == null ? "" : onlySchools.isEmpty() ? " AND FALSE" : " AND school_id IN (:only)")
                + (exceptSchools == null || exceptSchools.isEmpty() ? "" : " AND school_id NOT IN (:except)");
        List<Long> ids = sql.query("SELECT id FROM queue_entry WHERE queue_name = :queue AND state = 'AVAILABLE' AND due_at <= :now" + only
                + " ORDER BY priority, due_at, id LIMIT :limit FOR UPDATE SKIP LOCKED", Sql.params("queue", queue).and("now", now).and("limit", limit)
                        .and("only", onlySchools == null ? List.of() : List.copyOf(onlySchools))
                        .and("except", exceptSchools == null ? List.of() : List.copyOf(exceptSchools)))
                .list(rs -> rs.getLong("id"));
        if (ids.isEmpty()) {
            return List.of();
        }
        sql.update("UPDATE queue_entry SET state = 'CLAIMED', owner = :owner, claim_token = claim_token + 1, attempts = attempts + 1, "
                + "lease_until = :lease, claimed_at = :now WHERE id IN (:ids)", Sql.params("owner", owner).and("lease", leaseUntil).and("now", now)
                        .and("ids", ids));
        return sql.query("SELECT " + COLUMNS + " FROM queue_entry WHERE id IN (:ids) ORDER BY priority, due_at, id", Sql.params("ids", ids)).list(ENTRY);
    }

    /** Renews the leases this holder still has (entry id to claim token); returns the ids renewed: any other has been lost. */
    @Transactional
    public List<Long> heartbeat(String owner, Map<Long, Long> held, Instant leaseUntil) {
        if (held.isEmpty()) {
            return List.of();
        }
        // one (id, token) pair per entry held, each fencing its own entry
        StringBuilder pairs = new StringBuilder();
        Sql.Params params = Sql.params("lease", leaseUntil).and("owner", owner);
        int i = 0;
        for (Map.Entry<Long, Long> e : held.entrySet()) {
            pairs.append(i == 0 ? "" : " OR ").append("(id = :id").append(i).append(" AND claim_token = :token").append(i).append(')');
            params.and("id" + i, e.getKey()).and("token" + i, e.getValue());
            i++;
        }
        sql.update("UPDATE queue_entry SET lease_until = :lease WHERE state = 'CLAIMED' AND owner = :owner AND (" + pairs + ")", params);
        List<Held> now = sql.query("SELECT id, claim_token FROM queue_entry WHERE owner = :owner AND state = 'CLAIMED' AND id IN (:ids)",
                Sql.params("owner", owner).and("ids", List.copyOf(held.keySet()))).list(rs -> new Held(rs.getLong("id"), rs.getLong("claim_token")));
        List<Long> out = new ArrayList<>();
        for (Held h : now) {
            if (Long.valueOf(h.claimToken()).equals(held.get(h.id()))) {
                out.add(h.id());
            }
        }
        return out;
    }

    /**
     * Makes entries whose holder stopped renewing available again, marked in doubt: the holder may have done the work
     * (a text accepted by the provider) before it died, so the next holder checks before doing it again.
     */
    @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
    public List<QueueEntry> reap(Instant now) {
        List<QueueEntry> lapsed = sql.query("SELECT " + COLUMNS + " FROM queue_entry WHERE state = 'CLAIMED' AND lease_until < :now "
                + "ORDER BY id LIMIT 500 FOR UPDATE SKIP LOCKED", Sql.params("now", now)).list(ENTRY);
        if (lapsed.isEmpty()) {
            return lapsed;
        }
        sql.update("UPDATE queue_entry SET state = 'AVAILABLE', in_doubt = TRUE, owner = NULL, lease_until = NULL WHERE id IN (:ids)",
                Sql.params("ids", lapsed.stream().map(QueueEntry::id).toList()));
        return lapsed;
    }

    /**
     * Records what a holder did, and runs {@code alsoWrite} (the owning feature's own update) in the same transaction,
     * only while the holder's token is still the entry's. Returns false, writing nothing, when it is not.
     */
    @Transactional
    public boolean settle(QueueEntry entry, Settlement how, Instant dueAgain, Instant now, Runnable alsoWrite) {
        int n;
        if (how == Settlement.DONE) {
            n = sql.update("DELETE FROM queue_entry WHERE id = :id AND claim_token = :token AND state = 'CLAIMED'",
                    Sql.params("id", entry.id()).and("token", entry.claimToken()));
        } else {
            String attempts = switch (how) {
                case DEFER -> "GREATEST(attempts - 1, 0)";
                case RESTART -> "0";
                default -> "attempts";
            };
            n = sql.update("UPDATE queue_entry SET state = 'AVAILABLE', due_at = :due, attempts = " + attempts + ", in_doubt = :doubt, owner = NULL, "
                    + "lease_until = NULL WHERE id = :id AND claim_token = :token AND state = 'CLAIMED'", Sql.params("due", dueAgain == null ? now : dueAgain)
                            .and("doubt", how == Settlement.RETRY_IN_DOUBT).and("id", entry.id()).and("token", entry.claimToken()));
        }
        if (n != 1) {
            LOG.warn("{} entry {} (row {}): result {} refused: claim token {} is no longer this entry's (its lease lapsed and it was taken over)",
                    entry.queue(), entry.id(), entry.refId(), how, entry.claimToken());
            return false;
        }
        if (alsoWrite != null) {
            alsoWrite.run();
        }
        return true;
    }

    /** Entries of a queue about these rows, waiting or being worked (tests and views). */
    public List<QueueEntry> ofRows(String queue, Collection<Long> refIds) {
        if (refIds.isEmpty()) {
            return List.of();
        }
        return sql.query("SELECT " + COLUMNS + " FROM queue_entry WHERE queue_name = :queue AND ref_id IN (:refs) ORDER BY id",
                Sql.params("queue", queue).and("refs", List.copyOf(refIds))).list(ENTRY);
    }

    /** How much work waits in one group of a queue: how many entries, and when the oldest of them started waiting. */
    public record Depth(String group, String status, long entries, Instant oldestSince) {}

    /**
     * What is waiting, per queue (or, given an owning table and one of its columns, per value of that column within
     * one queue) and status: {@code scheduled} (not due yet, never tried: quiet hours, a later time), {@code retrying}
     * (not due yet, after a failed try), {@code due} (due, no worker has it yet) and {@code claimed} (a worker has it).
     * The oldest is timed from when it fell due for the last two, and from when it was queued for the first two.
     * {@code ownerTable} and {@code column} are constants of the calling feature, never input.
     */
    public List<Depth> depth(Instant now, String queue, String ownerTable, String column) {
        boolean joined = ownerTable != null;
        String status = "CASE WHEN q.state = 'CLAIMED' THEN 'claimed' WHEN q.due_at <= :now THEN 'due' WHEN q.attempts > 0 THEN 'retrying' ELSE 'scheduled' END";
        String since = "MIN(CASE WHEN q.state = 'CLAIMED' OR q.due_at <= :now THEN q.due_at ELSE q.created_at END)";
        String select = "SELECT " + (joined ? "t." + column : "q.queue_name") + " AS grp, " + status + " AS status, COUNT(*) AS entries, " + since
                + " AS oldest FROM queue_entry q" + (joined ? " JOIN " + ownerTable + " t ON t.id = q.ref_id WHERE q.queue_name = :queue" : "") + " GROUP BY 1, 2";
        return sql.query(select, Sql.params("now", now).and("queue", queue))
                .list(rs -> new Depth(rs.getString("grp"), rs.getString("status"), rs.getLong("entries"), Sql.instant(rs, "oldest")));
    }
}
