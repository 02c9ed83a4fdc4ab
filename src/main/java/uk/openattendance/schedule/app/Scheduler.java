package uk.openattendance.schedule.app;

import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.openattendance.platform.paging.Page;
import uk.openattendance.platform.paging.PageRequest;
import uk.openattendance.platform.problem.CommonProblem;
import uk.openattendance.register.app.SchoolDay;
import uk.openattendance.schedule.persistence.JobRow;
import uk.openattendance.schedule.persistence.JobStore;
import uk.openattendance.school.app.SchoolService;
import uk.openattendance.school.app.SchoolSettingsChanged;
import uk.openattendance.school.app.SchoolView;
import uk.openattendance.security.Actor;
import uk.openattendance.security.Permission;
import uk.openattendance.security.SchoolScope;

/**
 * Plans each school's jobs for its day and runs those that are due, on every instance at once: a job row exists at
 * most once per school, kind, date and session; claiming uses SKIP LOCKED and a lease, so each job runs on one
 * instance, and a job whose runner died is taken over when its lease runs out. A job found due after the moment it
 * made sense (the service was down through the morning) is recorded as skipped with the reason, not run late.
 */
@Singleton
public class Scheduler {
    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);
    // the one platform-wide read here: which schools exist, to plan each one's day; every job then runs scoped to its school
    private static final Actor PLANNER = Actor.bootstrap("scheduler: list of schools to plan");
    static final Duration LEASE = Duration.ofMinutes(5);
    static final int MAX_ATTEMPTS = 3;
    private static final List<String> RUN_FIRST = List.of("FIRST_DAY_TEXT", "LATENESS_NOTICES", "FIRST_DAY_CALL_LIST", "FIRST_DAY_ESCALATE", "FIRST_DAY_SAFE_BY");

    private final JobStore store;
    private final Map<String, JobHandler> handlers;
    private final SchoolService schools;
    private final SchoolDay schoolDay;
    private final Clock clock;
    private final String owner = "jobs-" + UUID.randomUUID().toString().substring(0, 8);
    private final Map<Long, LocalDate> plannedThrough = new ConcurrentHashMap<>();
    private final Duration retryAfter;
    private final java.util.concurrent.ExecutorService workers;

    public Scheduler(JobStore store, List<JobHandler> handlers, SchoolService schools, SchoolDay schoolDay, Clock clock,
            @Value("${schedule.retry-after:1m}") Duration retryAfter, @Value("${schedule.workers:4}") int workers) {
        this.store = store;
        this.handlers = handlers.stream().collect(Collectors.toMap(JobHandler::kind, Function.identity()));
        this.schools = schools;
        this.schoolDay = schoolDay;
        this.clock = clock;
        this.retryAfter = retryAfter;
        this.workers = java.util.concurrent.Executors.newFixedThreadPool(Math.max(1, workers), r -> {
            Thread t = new Thread(r, "school-jobs");
            t.setDaemon(true);
            return t;
        });
    }

    public record Tick(int planned, int done, int failed, int skipped) {}

    /** Plans today's jobs for every school (once a day per instance) and runs every job that is due. */
    public Tick tick() {
        return tick(null);
    }

    /** As {@link #tick()}, for some schools only (tests drive one school's morning without running every other school's). */
    public Tick tick(java.util.Collection<Long> onlySchools) {
        int planned = onlySchools == null ? planToday() : onlySchools.stream().mapToInt(this::planSchool).sum();
        int done = 0;
        int failed = 0;
        int skipped = 0;
        for (int round = 0; round < 1000; round++) {
            Instant now = clock.instant();
            List<JobRow> due = claim(now, onlySchools, 8);
            if (due.isEmpty()) {
                break;
            }
            // schools run side by side (twenty schools' first texts fall due at the same minute); one school's jobs run in
            // order, so its texts go before the call list they feed and two of its jobs never race
            Map<Long, List<JobRow>> bySchool = due.stream().collect(Collectors.groupingBy(JobRow::schoolId, java.util.LinkedHashMap::new, Collectors.toList()));
            List<java.util.concurrent.Future<List<String>>> running = bySchool.values().stream()
                    .map(jobs -> workers.submit(() -> jobs.stream().map(this::run).toList())).toList();
            for (java.util.concurrent.Future<List<String>> f : running) {
                List<String> outcomes;
                try {
                    outcomes = f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                } catch (java.util.concurrent.ExecutionException e) {
                    outcomes = List.of("FAILED");
                }
                for (String outcome : outcomes) {
                    switch (outcome) {
                        case "DONE" -> done++;
                        case "SKIPPED" -> skipped++;
                        default -> failed++;
                    }
                }
            }
        }
        return new Tick(planned, done, failed, skipped);
    }

    private List<JobRow> claim(Instant now, java.util.Collection<Long> onlySchools, int limit) {
        for (int attempt = 1; ; attempt++) {
            try {
                return store.claim(owner, now, now.plus(LEASE), limit, onlySchools);
            } catch (RuntimeException e) {
                if (attempt >= 5 || !uk.openattendance.platform.db.Deadlocks.isDeadlock(e)) {
                    throw e;
                }
            }
        }
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
        SchoolDay.Context ctx = schoolDay.of(schoolId);
        LocalDate today = ctx.now().toLocalDate();
        if (today.equals(plannedThrough.get(schoolId))) {
            return 0;
        }
        int n = 0;
        if (ctx.calendar().isSchoolDay(today)) {
            n = store.plan(slots(schoolId, today, ctx.zone()));
        }
        plannedThrough.put(schoolId, today);
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
        // jobs due at the same moment run in the order they were planned: texts before the call list they feed
        out.sort(java.util.Comparator.comparing(JobStore.Planned::dueAt).thenComparing(j -> RUN_FIRST.indexOf(j.kind()) < 0 ? 99 : RUN_FIRST.indexOf(j.kind())));
        return out;
    }

    private String run(JobRow job) {
        Instant now = clock.instant();
        if (now.isAfter(job.latestAt())) {
            store.finish(job.id(), owner, "SKIPPED", "Not run: it was due at " + local(job, job.dueAt()) + " and no longer made sense after "
                    + local(job, job.latestAt()) + " (the service was not running); now " + local(job, now), null, now);
            return "SKIPPED";
        }
        JobHandler h = handlers.get(job.kind());
        if (h == null) {
            store.finish(job.id(), owner, "SKIPPED", "No handler for " + job.kind() + " in this version", null, now);
            return "SKIPPED";
        }
        try {
            JobHandler.Result r = h.attempt(SchoolScope.forJob(h.purpose(), job.schoolId()), job.runDate(), job.session().isEmpty() ? null : job.session());
            Instant after = r.again() == null ? null : clock.instant().plus(r.again());
            if (after != null && after.isBefore(job.latestAt())) {
                // part of the work waits (e.g. a register not yet taken): due again, its outcome so far shown meanwhile
                store.waitAgain(job.id(), owner, r.outcome(), after);
                return "DONE";
            }
            store.finish(job.id(), owner, "DONE", r.outcome() + (after == null ? "" : " (still waiting at " + local(job, job.latestAt()) + ", when this job stops)"),
                    null, clock.instant());
            return "DONE";
        } catch (RuntimeException e) {
            LOG.warn("job {} {} for school {} failed (attempt {})", job.kind(), job.runDate(), job.schoolId(), job.attempts(), e);
            boolean again = job.attempts() < MAX_ATTEMPTS;
            store.finish(job.id(), owner, again ? "DUE" : "FAILED", "Attempt " + job.attempts() + " failed: " + e.getMessage(),
                    again ? clock.instant().plus(retryAfter) : null, clock.instant());
            return again ? "RETRY" : "FAILED";
        }
    }

    private String local(JobRow job, Instant t) {
        return t.atZone(schoolDay.of(job.schoolId()).zone()).toLocalTime().withNano(0).toString();
    }

    public List<JobView> jobs(Actor actor, long schoolId, LocalDate from, LocalDate to) {
        actor.require(Permission.SCHOOL_READ, schoolId, "School", schoolId);
        return store.ofSchool(schoolId, from, to).stream().map(Scheduler::view).toList();
    }

    /** Staff run a failed or skipped job again now (e.g. after fixing a contact list). */
    public JobView rerun(Actor actor, long schoolId, long jobId) {
        actor.require(Permission.SCHOOL_ADMIN, schoolId, "School", schoolId);
        if (store.rerun(schoolId, jobId, clock.instant()) == 0) {
            throw CommonProblem.notFound("Failed or skipped job", jobId);
        }
        return view(store.byId(jobId));
    }

    @EventListener
    void onChange(SchoolSettingsChanged event) {
        plannedThrough.remove(event.schoolId());
    }

    private static JobView view(JobRow j) {
        return new JobView(j.id(), j.kind(), j.runDate(), j.session().isEmpty() ? null : j.session(), j.dueAt(), j.latestAt(), j.status(), j.attempts(),
                j.outcome(), j.finishedAt());
    }
}
