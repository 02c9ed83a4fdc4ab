package uk.openattendance.schedule.app;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import uk.openattendance.security.Purpose;
import uk.openattendance.security.SchoolScope;

/**
 * A kind of per-school job. Features provide these: each says when its jobs fall on a school day (in the school's
 * local time, from its policy and timings) and does the work when one is due.
 */
public interface JobHandler {
    /** The job's name in the job table and the job list; each handler declares its own, and the scheduler knows no kind by name. */
    String kind();

    /**
     * Among one school's jobs due at the same moment, lower runs first (the first texts before the call list they
     * feed); jobs of one school never run at the same time.
     */
    default int order() {
        return 100;
    }

    /** What the job may do; it runs with a scope of one school and this purpose's permissions, not as everyone. */
    Purpose purpose();

    /** When this school's jobs of this kind fall on this school day; {@code latest} is when running it stops making sense. */
    List<Slot> slots(long schoolId, LocalDate date);

    /** Does the work; returns what it did, in words staff read. Throwing fails the attempt (it is retried). */
    String run(SchoolScope scope, LocalDate date, String session);

    /**
     * As {@link #run}, for work that may be partly waiting on something staff have still to do: a result with
     * {@code again} set is recorded with its outcome and runs once more after that pause, up to the job's latest moment.
     */
    default Result attempt(SchoolScope scope, LocalDate date, String session) {
        return new Result(run(scope, date, session), null);
    }

    record Result(String outcome, java.time.Duration again) {}

    record Slot(String session, LocalTime due, LocalTime latest, String whyLatest) {}
}
