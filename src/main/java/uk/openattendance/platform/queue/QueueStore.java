package uk.openattendance.platform.queue;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.openattendance.platform.db.Sql;

/**
 * The queue_entry table. An entry is AVAILABLE (waiting for its due time) or CLAIMED (an instance holds it until
 * lease_until, renewed by its heartbeat); when its work is finished the entry is deleted, and the owning row (the
 * outbox message, the job, the delivery) keeps the record. Every write a holder makes is fenced by its claim token:
 * {@code WHERE id = ? AND claim_token = ?}, so a holder whose lease lapsed and whose entry was claimed again cannot
 * record anything.
 */
@Singleton
@Connectable
public class QueueStore {
    private static final Logger LOG = LoggerFactory.getLogger(QueueStore.class);
    private static final String COLUMNS = "id, queue_name, ref_id, school_id, priority, due_at, attempts, claim_token, in_doubt, owner, lease_until";

    /** What a holder records: the work is finished, or due again (counted as an attempt, or not, or starting afresh). */
    public enum Settlement { DONE, RETRY, RETRY_IN_DOUBT, DEFER, RESTART }

    private final JdbcOperations jdbc;

    public QueueStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
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
        return jdbc.prepareStatement("INSERT IGNORE INTO queue_entry (queue_name, ref_id, school_id, priority, due_at, state, attempts, claim_token, "
                + "in_doubt, created_at) VALUES (?,?,?,?,?,'AVAILABLE',0,0,FALSE,?)", ps -> {
                    for (NewEntry e : entries) {
                        Sql.bind(ps, queue, e.refId(), e.schoolId(), e.priority(), e.dueAt() == null ? now : e.dueAt(), now);
                        ps.addBatch();
                    }
                    int n = 0;
                    for (int r : ps.executeBatch()) {
                        n += r > 0 ? 1 : 0;
                    }
                    return n;
                });
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
        String only = (onlySchools == null ? "" : onlySchools.isEmpty() ? " AND FALSE" : " AND school_id IN (" + Sql.ids(onlySchools) + ")")
                + (exceptSchools == null || exceptSchools.isEmpty() ? "" : " AND school_id NOT IN (" + Sql.ids(exceptSchools) + ")");
        List<Long> ids = jdbc.prepareStatement("SELECT id FROM queue_entry WHERE queue_name = ? AND state = 'AVAILABLE' AND due_at <= ?" + only
                + " ORDER BY priority, due_at, id LIMIT ? FOR UPDATE SKIP LOCKED", ps -> {
                    Sql.bind(ps, queue, now, limit);
                    List<Long> out = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(rs.getLong(1));
                        }
                    }
                    return out;
                });
        if (ids.isEmpty()) {
            return List.of();
        }
        String in = Sql.ids(ids);
        jdbc.prepareStatement("UPDATE queue_entry SET state = 'CLAIMED', owner = ?, claim_token = claim_token + 1, attempts = attempts + 1, "
                + "lease_until = ?, claimed_at = ? WHERE id IN (" + in + ")", ps -> {
                    Sql.bind(ps, owner, leaseUntil, now);
                    return ps.executeUpdate();
                });
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM queue_entry WHERE id IN (" + in + ") ORDER BY priority, due_at, id", QueueStore::read);
    }

    /** Renews the leases this holder still has (entry id to claim token); returns the ids renewed: any other has been lost. */
    @Transactional
    public List<Long> heartbeat(String owner, Map<Long, Long> held, Instant leaseUntil) {
        if (held.isEmpty()) {
            return List.of();
        }
        StringBuilder pairs = new StringBuilder();
        List<Object> binds = new ArrayList<>(List.of(leaseUntil, owner));
        for (Map.Entry<Long, Long> e : held.entrySet()) {
            pairs.append(pairs.length() == 0 ? "" : " OR ").append("(id = ? AND claim_token = ?)");
            binds.add(e.getKey());
            binds.add(e.getValue());
        }
        jdbc.prepareStatement("UPDATE queue_entry SET lease_until = ? WHERE state = 'CLAIMED' AND owner = ? AND (" + pairs + ")", ps -> {
            Sql.bind(ps, binds.toArray());
            return ps.executeUpdate();
        });
        return jdbc.prepareStatement("SELECT id, claim_token FROM queue_entry WHERE owner = ? AND state = 'CLAIMED' AND id IN ("
                + Sql.ids(held.keySet()) + ")", ps -> {
                    Sql.bind(ps, owner);
                    List<Long> out = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            if (Long.valueOf(rs.getLong(2)).equals(held.get(rs.getLong(1)))) {
                                out.add(rs.getLong(1));
                            }
                        }
                    }
                    return out;
                });
    }

    /**
     * Makes entries whose holder stopped renewing available again, marked in doubt: the holder may have done the work
     * (a text accepted by the provider) before it died, so the next holder checks before doing it again.
     */
    @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
    public List<QueueEntry> reap(Instant now) {
        List<QueueEntry> lapsed = jdbc.prepareStatement("SELECT " + COLUMNS + " FROM queue_entry WHERE state = 'CLAIMED' AND lease_until < ? "
                + "ORDER BY id LIMIT 500 FOR UPDATE SKIP LOCKED", ps -> {
                    Sql.bind(ps, now);
                    return read(ps);
                });
        if (lapsed.isEmpty()) {
            return lapsed;
        }
        jdbc.prepareStatement("UPDATE queue_entry SET state = 'AVAILABLE', in_doubt = TRUE, owner = NULL, lease_until = NULL WHERE id IN ("
                + Sql.ids(lapsed.stream().map(QueueEntry::id).toList()) + ")", ps -> ps.executeUpdate());
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
            n = jdbc.prepareStatement("DELETE FROM queue_entry WHERE id = ? AND claim_token = ? AND state = 'CLAIMED'", ps -> {
                Sql.bind(ps, entry.id(), entry.claimToken());
                return ps.executeUpdate();
            });
        } else {
            String attempts = switch (how) {
                case DEFER -> "GREATEST(attempts - 1, 0)";
                case RESTART -> "0";
                default -> "attempts";
            };
            n = jdbc.prepareStatement("UPDATE queue_entry SET state = 'AVAILABLE', due_at = ?, attempts = " + attempts + ", in_doubt = ?, owner = NULL, "
                    + "lease_until = NULL WHERE id = ? AND claim_token = ? AND state = 'CLAIMED'", ps -> {
                        Sql.bind(ps, dueAgain == null ? now : dueAgain, how == Settlement.RETRY_IN_DOUBT, entry.id(), entry.claimToken());
                        return ps.executeUpdate();
                    });
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
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM queue_entry WHERE queue_name = ? AND ref_id IN (" + Sql.ids(refIds) + ") ORDER BY id", ps -> {
            Sql.bind(ps, queue);
            return read(ps);
        });
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
        String status = "CASE WHEN q.state = 'CLAIMED' THEN 'claimed' WHEN q.due_at <= ? THEN 'due' WHEN q.attempts > 0 THEN 'retrying' ELSE 'scheduled' END";
        String since = "MIN(CASE WHEN q.state = 'CLAIMED' OR q.due_at <= ? THEN q.due_at ELSE q.created_at END)";
        String sql = "SELECT " + (joined ? "t." + column : "q.queue_name") + ", " + status + ", COUNT(*), " + since + " FROM queue_entry q"
                + (joined ? " JOIN " + ownerTable + " t ON t.id = q.ref_id WHERE q.queue_name = ?" : "") + " GROUP BY 1, 2";
        return jdbc.prepareStatement(sql, ps -> {
            if (joined) {
                Sql.bind(ps, now, now, queue);
            } else {
                Sql.bind(ps, now, now);
            }
            List<Depth> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Depth(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getTimestamp(4).toInstant()));
                }
            }
            return out;
        });
    }

    private static List<QueueEntry> read(PreparedStatement ps) throws SQLException {
        List<QueueEntry> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Timestamp lease = rs.getTimestamp(11);
                out.add(new QueueEntry(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getInt(5), rs.getTimestamp(6).toInstant(),
                        rs.getInt(7), rs.getLong(8), rs.getBoolean(9), rs.getString(10), lease == null ? null : lease.toInstant()));
            }
        }
        return out;
    }
}
