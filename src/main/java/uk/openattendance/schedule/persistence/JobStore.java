package uk.openattendance.schedule.persistence;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import uk.openattendance.platform.db.RowMapper;
import uk.openattendance.platform.db.Sql;
import uk.openattendance.platform.queue.NewEntry;
import uk.openattendance.platform.queue.QueueStore;

@Singleton
@Connectable
public class JobStore {
    private static final String COLUMNS = "id, school_id, kind, run_date, session, due_at, latest_at, status, attempts, lease_owner, lease_until, outcome, finished_at";

    private static final RowMapper<JobRow> JOB = rs -> new JobRow(rs.getLong("id"), rs.getLong("school_id"), rs.getString("kind"), Sql.date(rs, "run_date"),
            rs.getString("session"), Sql.instant(rs, "due_at"), Sql.instant(rs, "latest_at"), JobStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
            rs.getString("lease_owner"), Sql.instant(rs, "lease_until"), rs.getString("outcome"), Sql.instant(rs, "finished_at"));

    /** The final statuses, which stamp {@code finished_at}. */
    private static final List<JobStatus> FINAL = List.of(JobStatus.DONE, JobStatus.FAILED, JobStatus.SKIPPED);

    public record Planned(long schoolId, String kind, LocalDate runDate, String session, Instant dueAt, Instant latestAt) {}

    /** The name of the jobs' queue in the platform's leased queue. */
    public static final String QUEUE = "jobs";

    private final Sql sql;
    private final QueueStore queue;

    public JobStore(JdbcOperations jdbc, QueueStore queue) {
        this.sql = Sql.on(jdbc);
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
            List<NewEntry> due = sql.query("SELECT id, school_id, due_at FROM scheduled_job WHERE school_id = :school AND run_date = :date AND status = :due "
                    + "ORDER BY id", Sql.params("school", schoolDay.get(0)).and("date", schoolDay.get(1)).and("due", JobStatus.DUE))
                    .list(rs -> new NewEntry(rs.getLong("id"), rs.getLong("school_id"), NewEntry.NORMAL, Sql.instant(rs, "due_at")));
            queue.enqueue(QUEUE, due, now);
        }
        return added;
    }

    private int insert(Collection<Planned> jobs) {
        int n = 0;
        for (int r : sql.updateEach("INSERT IGNORE INTO scheduled_job (school_id, kind, run_date, session, due_at, latest_at, status) "
                + "VALUES (:school, :kind, :date, :session, :due, :latest, :status)", List.copyOf(jobs), j -> Sql.params("school", j.schoolId())
                        .and("kind", j.kind()).and("date", j.runDate()).and("session", j.session()).and("due", j.dueAt()).and("latest", j.latestAt())
                        .and("status", JobStatus.DUE))) {
            n += r > 0 ? 1 : 0;
        }
        return n;
    }

    /** Shows a claimed job as running, with the attempt it is on. */
    public void markRunning(long id, int attempts) {
        sql.update("UPDATE scheduled_job SET status = :running, attempts = :attempts WHERE id = :id AND status IN (:open)", Sql.params("running", JobStatus.RUNNING)
                .and("attempts", attempts).and("id", id).and("open", List.of(JobStatus.DUE, JobStatus.RUNNING)));
    }

    /** A job whose work partly waits: due again at {@code dueAt}, its outcome so far kept, its attempts not spent on waiting. */
    public void waitAgain(long id, String outcome, Instant dueAt) {
        sql.update("UPDATE scheduled_job SET status = :due, outcome = :outcome, due_at = :dueAt, attempts = 0, lease_owner = NULL, lease_until = NULL "
                + "WHERE id = :id", Sql.params("due", JobStatus.DUE).and("outcome", clip(outcome)).and("dueAt", dueAt).and("id", id));
    }

    /** Records an attempt's outcome; the caller does so under its queue claim's token, so only the job's current runner writes here. */
    public void finish(long id, JobStatus status, String outcome, Instant retryAt, int attempts, Instant now) {
        sql.update("UPDATE scheduled_job SET status = :status, outcome = :outcome, due_at = COALESCE(:retryAt, due_at), attempts = :attempts, lease_owner = NULL, "
                + "lease_until = NULL, finished_at = CASE WHEN :status IN (:final) THEN :now ELSE NULL END WHERE id = :id", Sql.params("status", status)
                        .and("outcome", clip(outcome)).and("retryAt", retryAt).and("attempts", attempts).and("final", FINAL).and("now", now).and("id", id));
    }

    private static String clip(String outcome) {
        return outcome == null ? null : outcome.length() > 1000 ? outcome.substring(0, 1000) : outcome;
    }

    public List<JobRow> ofSchool(long schoolId, LocalDate from, LocalDate to) {
        return sql.query("SELECT " + COLUMNS + " FROM scheduled_job WHERE school_id = :school AND run_date BETWEEN :from AND :to ORDER BY due_at, id",
                Sql.params("school", schoolId).and("from", from).and("to", to)).list(JOB);
    }

    /** How many jobs of each kind failed for good since a moment (every school's: a metric, kinds only). */
    public Map<String, Long> failedSince(Instant since) {
        Map<String, Long> out = new HashMap<>();
        sql.query("SELECT kind, COUNT(*) AS jobs FROM scheduled_job WHERE status = :failed AND finished_at > :since GROUP BY kind",
                Sql.params("failed", JobStatus.FAILED).and("since", since)).list(rs -> Map.entry(rs.getString("kind"), rs.getLong("jobs")))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    public JobRow byId(long id) {
        return sql.query("SELECT " + COLUMNS + " FROM scheduled_job WHERE id = :id", Sql.params("id", id)).list(JOB).get(0);
    }

    /** Makes a failed or skipped job due now, and queues it, in one transaction. */
    @Transactional
    public int rerun(long schoolId, long jobId, Instant now) {
        int n = sql.update("UPDATE scheduled_job SET status = :due, due_at = :now, latest_at = GREATEST(latest_at, :hourOn), attempts = 0, outcome = NULL "
                + "WHERE id = :id AND school_id = :school AND status IN (:rerunnable)", Sql.params("due", JobStatus.DUE).and("now", now)
                        .and("hourOn", now.plusSeconds(3600)).and("id", jobId).and("school", schoolId)
                        .and("rerunnable", List.of(JobStatus.FAILED, JobStatus.SKIPPED)));
        if (n > 0) {
            queue.enqueue(QUEUE, List.of(new NewEntry(jobId, schoolId, NewEntry.NORMAL, now)), now);
        }
        return n;
    }
}
