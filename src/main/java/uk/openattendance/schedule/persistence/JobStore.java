package uk.openattendance.schedule.persistence;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import uk.openattendance.platform.db.Sql;
import uk.openattendance.platform.queue.NewEntry;
import uk.openattendance.platform.queue.QueueStore;

@Singleton
@Connectable
public class JobStore {
    private static final String COLUMNS = "id, school_id, kind, run_date, session, due_at, latest_at, status, attempts, lease_owner, lease_until, outcome, finished_at";

    public record Planned(long schoolId, String kind, LocalDate runDate, String session, Instant dueAt, Instant latestAt) {}

    /** The name of the jobs' queue in the platform's leased queue. */
    public static final String QUEUE = "jobs";

    private final JdbcOperations jdbc;
    private final QueueStore queue;

    public JobStore(JdbcOperations jdbc, QueueStore queue) {
        this.jdbc = jdbc;
        this.queue = queue;
    }

    /**
     * Adds the jobs not yet planned and queues every job of their schools and days still due, in one transaction; a
     * job already there (planned by this or another instance) is left as it is, and so is its place in the queue.
     */
    @Transactional
    public int plan(Collection<Planned> jobs, Instant now) {
        if (jobs.isEmpty()) {
            return 0;
        }
        int added = insert(jobs);
        for (List<Object> schoolDay : jobs.stream().map(j -> List.<Object>of(j.schoolId(), j.runDate())).distinct().toList()) {
            // in planned order (their ids), so jobs due at the same moment run in the order their handlers ask for
            List<NewEntry> due = jdbc.prepareStatement("SELECT id, school_id, due_at FROM scheduled_job WHERE school_id = ? AND run_date = ? AND status = 'DUE' "
                    + "ORDER BY id", ps -> {
                        Sql.bind(ps, schoolDay.get(0), schoolDay.get(1));
                        List<NewEntry> out = new ArrayList<>();
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                out.add(new NewEntry(rs.getLong(1), rs.getLong(2), NewEntry.NORMAL, rs.getTimestamp(3).toInstant()));
                            }
                        }
                        return out;
                    });
            queue.enqueue(QUEUE, due, now);
        }
        return added;
    }

    private int insert(Collection<Planned> jobs) {
        return jdbc.prepareStatement("INSERT IGNORE INTO scheduled_job (school_id, kind, run_date, session, due_at, latest_at, status) "
                + "VALUES (?,?,?,?,?,?,'DUE')", ps -> {
                    for (Planned j : jobs) {
                        ps.setLong(1, j.schoolId());
                        ps.setString(2, j.kind());
                        ps.setDate(3, Date.valueOf(j.runDate()));
                        ps.setString(4, j.session());
                        ps.setTimestamp(5, Timestamp.from(j.dueAt()));
                        ps.setTimestamp(6, Timestamp.from(j.latestAt()));
                        ps.addBatch();
                    }
                    int n = 0;
                    for (int r : ps.executeBatch()) {
                        n += r > 0 ? 1 : 0;
                    }
                    return n;
                });
    }

    /** Shows a claimed job as running, with the attempt it is on. */
    public void markRunning(long id, int attempts) {
        jdbc.prepareStatement("UPDATE scheduled_job SET status = 'RUNNING', attempts = ? WHERE id = ? AND status IN ('DUE', 'RUNNING')", ps -> {
            Sql.bind(ps, attempts, id);
            return ps.executeUpdate();
        });
    }

    /** A job whose work partly waits: due again at {@code dueAt}, its outcome so far kept, its attempts not spent on waiting. */
    public void waitAgain(long id, String outcome, Instant dueAt) {
        jdbc.prepareStatement("UPDATE scheduled_job SET status = 'DUE', outcome = ?, due_at = ?, attempts = 0, lease_owner = NULL, lease_until = NULL "
                + "WHERE id = ?", ps -> {
                    Sql.bind(ps, clip(outcome), dueAt, id);
                    return ps.executeUpdate();
                });
    }

    /** Records an attempt's outcome; the caller does so under its queue claim's token, so only the job's current runner writes here. */
    public void finish(long id, String status, String outcome, Instant retryAt, int attempts, Instant now) {
        jdbc.prepareStatement("UPDATE scheduled_job SET status = ?, outcome = ?, due_at = COALESCE(?, due_at), attempts = ?, lease_owner = NULL, "
                + "lease_until = NULL, finished_at = CASE WHEN ? IN ('DONE', 'FAILED', 'SKIPPED') THEN ? ELSE NULL END WHERE id = ?", ps -> {
                    Sql.bind(ps, status, clip(outcome), retryAt, attempts, status, now, id);
                    return ps.executeUpdate();
                });
    }

    private static String clip(String outcome) {
        return outcome == null ? null : outcome.length() > 1000 ? outcome.substring(0, 1000) : outcome;
    }

    public List<JobRow> ofSchool(long schoolId, LocalDate from, LocalDate to) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM scheduled_job WHERE school_id = ? AND run_date BETWEEN ? AND ? ORDER BY due_at, id", ps -> {
            ps.setLong(1, schoolId);
            ps.setDate(2, Date.valueOf(from));
            ps.setDate(3, Date.valueOf(to));
            return read(ps);
        });
    }

    /** How many jobs of each kind failed for good since a moment (every school's: a metric, kinds only). */
    public java.util.Map<String, Long> failedSince(Instant since) {
        return jdbc.prepareStatement("SELECT kind, COUNT(*) FROM scheduled_job WHERE status = 'FAILED' AND finished_at > ? GROUP BY kind", ps -> {
            ps.setTimestamp(1, java.sql.Timestamp.from(since));
            java.util.Map<String, Long> out = new java.util.HashMap<>();
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
            return out;
        });
    }

    public JobRow byId(long id) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM scheduled_job WHERE id = ?", ps -> {
            ps.setLong(1, id);
            return read(ps);
        }).get(0);
    }

    /** Makes a failed or skipped job due now, and queues it, in one transaction. */
    @Transactional
    public int rerun(long schoolId, long jobId, Instant now) {
        int n = jdbc.prepareStatement("UPDATE scheduled_job SET status = 'DUE', due_at = ?, latest_at = GREATEST(latest_at, ?), attempts = 0, outcome = NULL "
                + "WHERE id = ? AND school_id = ? AND status IN ('FAILED', 'SKIPPED')", ps -> {
                    ps.setTimestamp(1, Timestamp.from(now));
                    ps.setTimestamp(2, Timestamp.from(now.plusSeconds(3600)));
                    ps.setLong(3, jobId);
                    ps.setLong(4, schoolId);
                    return ps.executeUpdate();
                });
        if (n > 0) {
            queue.enqueue(QUEUE, List.of(new NewEntry(jobId, schoolId, NewEntry.NORMAL, now)), now);
        }
        return n;
    }

    private static List<JobRow> read(PreparedStatement ps) throws SQLException {
        List<JobRow> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Timestamp lease = rs.getTimestamp(11);
                Timestamp fin = rs.getTimestamp(13);
                out.add(new JobRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getDate(4).toLocalDate(), rs.getString(5), rs.getTimestamp(6).toInstant(),
                        rs.getTimestamp(7).toInstant(), rs.getString(8), rs.getInt(9), rs.getString(10), lease == null ? null : lease.toInstant(),
                        rs.getString(12), fin == null ? null : fin.toInstant()));
            }
        }
        return out;
    }
}
