package uk.openattendance.schedule.app;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.openattendance.platform.paging.Page;
import uk.openattendance.platform.queue.Claim;
import uk.openattendance.platform.queue.LeasedQueue;
import uk.openattendance.platform.queue.domain.Backoff;
import uk.openattendance.platform.paging.PageRequest;
import uk.openattendance.platform.problem.CommonProblem;
import uk.openattendance.schedule.persistence.JobRow;
import uk.openattendance.schedule.persistence.JobStatus;
import uk.openattendance.schedule.persistence.JobStore;
import uk.openattendance.school.app.SchoolService;
import uk.openattendance.school.app.SchoolView;
import uk.openattendance.security.Actor;
import uk.openattendance.security.Permission;
import uk.openattendance.security.SchoolScope;

/**
 * Plans each school's jobs for its day and runs those that are due, on every instance at once: a job row exists at
 * most once per school, kind, date and session, and is queued in the platform's leased queue, so each job runs on
 * one instance, under a lease its heartbeat keeps, and a job whose runner died is reaped and run again. One school's
 * jobs run one after another in their planned order. A job found due after the moment it made sense (the service was
 * down through the morning) is recorded as skipped with the reason, not run late.
 */
@Singleton
public class Scheduler {
    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);
    // the one platform-wide read here: which schools exist, to plan each one's day; every job then runs scoped to its school
    private static final Actor PLANNER = Actor.bootstrap("scheduler: list of schools to plan");
    static final int MAX_ATTEMPTS = 3;
    // a run's outcomes, counted per tick and as the job metrics' outcome tag: named by the status a final run leaves the
    // job in; a retry leaves it DUE, hence a word of its own, and a run whose rest waits (for a register) counts as DONE
    // though the job is due again
    static final String DONE = JobStatus.DONE.name();
    static final String SKIPPED = JobStatus.SKIPPED.name();
    static final String RETRY = "RETRY";
    static final String FAILED = JobStatus.FAILED.name();

    private final JobStore store;
    private final Map<String, JobHandler> handlers;
    private final SchoolService schools;
    private final SchoolDays schoolDay;
    private final Clock clock;
    /**
     * The day and the settings each school was last planned with here: planning again finds every job already there
     * (the table's key), so it is skipped until the day or the school's settings stamp changes, whichever replica
     * changed them (a new register group or closure re-plans the day everywhere at the next tick).
     */
    private final Map<Long, PlanBasis> plannedWith = new ConcurrentHashMap<>();

    private record PlanBasis(LocalDate day, long settingsStamp) {}
    private final Backoff backoff;
    private final LeasedQueue queue;
    private final JobMeters meters;

    Scheduler(JobStore store, List<JobHandler> handlers, SchoolService schools, SchoolDays schoolDay, Clock clock,
            @Value("${schedule.retry-after:1m}") Duration retryAfter, LeasedQueue queue, JobMeters meters) {
        this.meters = meters;
        this.store = store;
        this.handlers = handlers.stream().collect(Collectors.toMap(JobHandler::kind, Function.identity()));
        this.schools = schools;
        this.schoolDay = schoolDay;
        this.clock = clock;
        this.backoff = Backoff.constant(retryAfter, MAX_ATTEMPTS);
        this.queue = queue;
    }

    public record Tick(int planned, int done, int failed, int skipped) {}

    /**
     * Plans today's jobs for every school (once a day per instance, and again after a change of its settings) and runs
     * every job that is due, waiting for them.
     */
    public Tick tick() {
        return tick(null);
    }

    /** As {@link #tick()}, for some schools only (tests drive one school's morning without running every other school's). */
    public Tick tick(java.util.Collection<Long> onlySchools) {
        int planned = plan(onlySchools);
        Map<String, Integer> n = queue.drain(JobStore.QUEUE, onlySchools);
        return new Tick(planned, n.getOrDefault(DONE, 0), n.values().stream().mapToInt(Integer::intValue).sum() - n.getOrDefault(DONE, 0)
                - n.getOrDefault(SKIPPED, 0) - n.getOrDefault(LeasedQueue.GONE, 0), n.getOrDefault(SKIPPED, 0));
    }

    /** Plans today's jobs (every school's, or some schools'); the queue's ticker runs them as they fall due. */
    int plan(java.util.Collection<Long> onlySchools) {
        return onlySchools == null ? planToday() : onlySchools.stream().mapToInt(this::planSchool).sum();
    }

    int planToday() {
        int planned = 0;
        for (int page = 0; ; page++) {
            Page<SchoolView> batch = schools.schools(PLANNER, new PageRequest(page, 500));
            for (SchoolView s : batch.items()) {
                planned += planSchool(s.id());
            }
            if (batch.items().size() < 500) {
                break;
            }
        }
        return planned;
    }

    private int planSchool(long schoolId) {
        SchoolDays.Today ctx = schoolDay.today(schoolId);
        LocalDate today = ctx.date();
        PlanBasis basis = new PlanBasis(today, ctx.settingsStamp());
        if (basis.equals(plannedWith.get(schoolId))) {
            return 0;
        }
        int n = 0;
        if (ctx.schoolDay()) {
            n = store.plan(slots(schoolId, today, ctx.zone()), clock.instant());
        }
        plannedWith.put(schoolId, basis);
        return n;
    }

    private List<JobStore.Planned> slots(long schoolId, LocalDate date, ZoneId zone) {
        List<JobStore.Planned> out = new ArrayList<>();
        for (JobHandler h : handlers.values()) {
            for (JobHandler.Slot slot : h.slots(schoolId, date)) {
                out.add(new JobStore.Planned(schoolId, h.kind(), date, slot.session() == null ? "" : slot.session(),
                        date.atTime(slot.due()).atZone(zone).toInstant(), date.atTime(slot.latest()).atZone(zone).toInstant()));
            }
        }
        // jobs due at the same moment run in the order they were planned, which their handlers set: texts before the call list they feed
        out.sort(java.util.Comparator.comparing(JobStore.Planned::dueAt).thenComparing(j -> handlers.get(j.kind()).order()));
        return out;
    }

    /** Runs one claimed job and records its outcome under the claim; returns which of the outcomes above it had. */
    String work(Claim claim) {
        JobRow job = store.byId(claim.refId());
        if (job.status() != JobStatus.DUE && job.status() != JobStatus.RUNNING) {
            claim.done(null); // settled by other means meanwhile
            return LeasedQueue.GONE;
        }
        Instant started = clock.instant();
        // the entry's due time is this run's: a retry or a job waiting for a register is due again later, and timed from then
        meters.started(job.kind(), Duration.between(claim.entry().dueAt(), started));
        String outcome = run(claim, job);
        meters.finished(job.kind(), outcome, Duration.between(started, clock.instant()));
        return outcome;
    }

    private String run(Claim claim, JobRow job) {
        store.markRunning(job.id(), claim.attempts());
        Instant now = clock.instant();
        if (now.isAfter(job.latestAt())) {
            finish(claim, job, JobStatus.SKIPPED, "Not run: it was due at " + local(job, job.dueAt()) + " and no longer made sense after " + local(job, job.latestAt())
                    + " (the service was not running); now " + local(job, now));
            return SKIPPED;
        }
        JobHandler h = handlers.get(job.kind());
        if (h == null) {
            finish(claim, job, JobStatus.SKIPPED, "No handler for " + job.kind() + " in this version");
            return SKIPPED;
        }
        try {
            JobHandler.Result r = h.attempt(SchoolScope.forJob(h.purpose(), job.schoolId()), job.runDate(), job.session().isEmpty() ? null : job.session());
            Instant after = r.again() == null ? null : clock.instant().plus(r.again());
            if (after != null && after.isBefore(job.latestAt())) {
                // part of the work waits (e.g. a register not yet taken): due again, its outcome so far shown meanwhile
                claim.restart(after, () -> store.waitAgain(job.id(), r.outcome(), after));
                return DONE;
            }
            finish(claim, job, JobStatus.DONE, r.outcome() + (after == null ? "" : " (still waiting at " + local(job, job.latestAt()) + ", when this job stops)"));
            return DONE;
        } catch (RuntimeException e) {
            LOG.warn("job {} {} for school {} failed (attempt {})", job.kind(), job.runDate(), job.schoolId(), claim.attempts(), e);
            String why = "Attempt " + claim.attempts() + " failed: " + e.getMessage();
            Optional<Instant> next = backoff.nextTry(claim.attempts(), clock.instant());
            if (next.isPresent()) {
                claim.retry(next.get(), () -> store.finish(job.id(), JobStatus.DUE, why, next.get(), claim.attempts(), clock.instant()));
                return RETRY;
            }
            finish(claim, job, JobStatus.FAILED, why);
            return FAILED;
        }
    }

    private void finish(Claim claim, JobRow job, JobStatus status, String outcome) {
        claim.done(() -> store.finish(job.id(), status, outcome, null, claim.attempts(), clock.instant()));
    }

    private String local(JobRow job, Instant t) {
        return t.atZone(schoolDay.zone(job.schoolId())).toLocalTime().withNano(0).toString();
    }

    public List<JobView> jobs(Actor actor, long schoolId, LocalDate from, LocalDate to) {
        actor.require(Permission.SCHOOL_READ, schoolId, "School", schoolId);
        return store.ofSchool(schoolId, from, to).stream().map(Scheduler::view).toList();
    }

    /** Staff run a failed or skipped job again now (e.g. after fixing a contact list). */
    public JobView rerun(Actor actor, long schoolId, long jobId) {
        actor.require(Permission.SCHOOL_ADMIN, schoolId, "School", schoolId);
        if (store.rerun(schoolId, jobId, clock.instant()) == 0) { // queued again by the same write
            throw CommonProblem.notFound("Failed or skipped job", jobId);
        }
        return view(store.byId(jobId));
    }

    private static JobView view(JobRow j) {
        return new JobView(j.id(), j.kind(), j.runDate(), j.session().isEmpty() ? null : j.session(), j.dueAt(), j.latestAt(), j.status().name(), j.attempts(),
                j.outcome(), j.finishedAt());
    }
}
