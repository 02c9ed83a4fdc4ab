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
import java.util.stream.Collectors;

@Singleton
@Connectable
public class JobStore {
    private static final String COLUMNS = "id, school_id, kind, run_date, session, due_at, latest_at, status, attempts, lease_owner, lease_until, outcome, finished_at";

    public record Planned(long schoolId, String kind, LocalDate runDate, String session, Instant dueAt, Instant latestAt) {}

    private final JdbcOperations jdbc;

    public JobStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the jobs not yet planned; a job already there (planned by this or another instance) is left as it is. */
    public int plan(Collection<Planned> jobs) {
        if (jobs.isEmpty()) {
            return 0;
        }
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

    /** Due jobs, and jobs whose runner's lease ran out (it died), claimed for this instance with SKIP LOCKED. */
    @io.micronaut.transaction.annotation.Transactional(isolation = io.micronaut.transaction.TransactionDefinition.Isolation.READ_COMMITTED)
    public List<JobRow> claim(String owner, Instant now, Instant leaseUntil, int limit, Collection<Long> onlySchools) {
        String only = onlySchools == null ? "" : onlySchools.isEmpty() ? " AND FALSE" : " AND school_id IN ("
                + onlySchools.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")";
        List<Long> ids = jdbc.prepareStatement("SELECT id FROM scheduled_job WHERE ((status = 'DUE' AND due_at <= ?) OR (status = 'RUNNING' AND lease_until < ?))"
                + only + " ORDER BY due_at, id LIMIT ? FOR UPDATE SKIP LOCKED", ps -> {
                    ps.setTimestamp(1, Timestamp.from(now));
                    ps.setTimestamp(2, Timestamp.from(now));
                    ps.setInt(3, limit);
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
        String in = uk.openattendance.platform.db.Sql.ids(ids);
        jdbc.prepareStatement("UPDATE scheduled_job SET status = 'RUNNING', attempts = attempts + 1, lease_owner = ?, lease_until = ? WHERE id IN (" + in + ")",
                ps -> {
                    ps.setString(1, owner);
                    ps.setTimestamp(2, Timestamp.from(leaseUntil));
                    return ps.executeUpdate();
                });
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM scheduled_job WHERE id IN (" + in + ") ORDER BY due_at, id", JobStore::read);
    }

    /** A job whose work partly waits: due again at {@code dueAt}, its outcome so far kept, its attempts not spent on waiting. */
    public boolean waitAgain(long id, String owner, String outcome, Instant dueAt) {
        return jdbc.prepareStatement("UPDATE scheduled_job SET status = 'DUE', outcome = ?, due_at = ?, attempts = 0, lease_owner = NULL, lease_until = NULL "
                + "WHERE id = ? AND lease_owner = ?", ps -> {
                    ps.setString(1, outcome == null ? null : outcome.length() > 1000 ? outcome.substring(0, 1000) : outcome);
                    ps.setTimestamp(2, Timestamp.from(dueAt));
                    ps.setLong(3, id);
                    ps.setString(4, owner);
                    return ps.executeUpdate() == 1;
                });
    }

    public boolean finish(long id, String owner, String status, String outcome, Instant retryAt, Instant now) {
        return jdbc.prepareStatement("UPDATE scheduled_job SET status = ?, outcome = ?, due_at = COALESCE(?, due_at), lease_owner = NULL, lease_until = NULL, "
                + "finished_at = CASE WHEN ? IN ('DONE', 'FAILED', 'SKIPPED') THEN ? ELSE NULL END WHERE id = ? AND lease_owner = ?", ps -> {
                    ps.setString(1, status);
                    ps.setString(2, outcome == null ? null : outcome.length() > 1000 ? outcome.substring(0, 1000) : outcome);
                    ps.setTimestamp(3, retryAt == null ? null : Timestamp.from(retryAt));
                    ps.setString(4, status);
                    ps.setTimestamp(5, Timestamp.from(now));
                    ps.setLong(6, id);
                    ps.setString(7, owner);
                    return ps.executeUpdate() == 1;
                });
    }

    public List<JobRow> ofSchool(long schoolId, LocalDate from, LocalDate to) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM scheduled_job WHERE school_id = ? AND run_date BETWEEN ? AND ? ORDER BY due_at, id", ps -> {
            ps.setLong(1, schoolId);
            ps.setDate(2, Date.valueOf(from));
            ps.setDate(3, Date.valueOf(to));
            return read(ps);
        });
    }

    public JobRow byId(long id) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM scheduled_job WHERE id = ?", ps -> {
            ps.setLong(1, id);
            return read(ps);
        }).get(0);
    }

    public int rerun(long schoolId, long jobId, Instant now) {
        return jdbc.prepareStatement("UPDATE scheduled_job SET status = 'DUE', due_at = ?, latest_at = GREATEST(latest_at, ?), attempts = 0, outcome = NULL "
                + "WHERE id = ? AND school_id = ? AND status IN ('FAILED', 'SKIPPED')", ps -> {
                    ps.setTimestamp(1, Timestamp.from(now));
                    ps.setTimestamp(2, Timestamp.from(now.plusSeconds(3600)));
                    ps.setLong(3, jobId);
                    ps.setLong(4, schoolId);
                    return ps.executeUpdate();
                });
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
