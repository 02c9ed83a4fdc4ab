package uk.openattendance.register.domain;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import uk.openattendance.school.domain.Closure;
import uk.openattendance.school.domain.SchoolCalendar;
import uk.openattendance.school.domain.Session;
import uk.openattendance.school.domain.SessionTiming;

/**
 * One session's register for the pupils a submission names, as loaded: who is on roll, their group's timings, the
 * marks already taken and what is planned for them. {@link #take} decides every mark of a submission from this
 * snapshot and the school's local time, with no database and no clock (Kill Bill's "snapshot, then rules"): the
 * application service loads the snapshot, asks, and writes what it is told.
 *
 * <p>A first mark is recorded as given; a change to a mark already taken is an amendment, which needs a reason and
 * the version the caller last saw (the law keeps the reason beside every amendment).
 */
public final class RegisterSession {
    private final LocalDate date;
    private final Session session;
    private final LocalDateTime now;
    private final SchoolCalendar calendar;
    private final Map<Long, Pupil> roll;
    private final Map<Long, Mark> current;
    private final Map<Long, Planned> plans;

    /**
     * @param now     the school's local date and time
     * @param roll    the pupils found on this school's roll, by id (a pupil of another school is not among them)
     * @param current the marks already taken this session, by pupil
     * @param plans   what is planned for each pupil this session (approved leave first, as a leave code needs it)
     */
    public RegisterSession(LocalDate date, Session session, LocalDateTime now, SchoolCalendar calendar, Map<Long, Pupil> roll, Map<Long, Mark> current,
            Map<Long, Planned> plans) {
        this.date = date;
        this.session = session;
        this.now = now;
        this.calendar = calendar;
        this.roll = roll;
        this.current = current;
        this.plans = plans;
    }

    /** A pupil as the register needs them: their group, its timing for this session, and their dates on roll. */
    public record Pupil(long id, String name, long registerGroupId, String groupName, SessionTiming timing, LocalDate startDate, LocalDate leavingDate,
            LocalDate dateOfBirth) {
        boolean onRollOn(LocalDate day) {
            return !day.isBefore(startDate) && (leavingDate == null || !day.isAfter(leavingDate));
        }
    }

    /** A mark already taken this session. */
    public record Mark(String code, int minutesLate, LocalTime arrivedAt, int version, String recordedBy) {}

    /** A mark planned for the session (approved leave, or a report the school accepted) and why. */
    public record Planned(String code, String reason) {}

    /** What the caller sent for one pupil. */
    public record Entry(long pupilId, String code, LocalTime arrivedAt, Integer version, String reason) {}

    /**
     * A submission: its entries in the order sent, the reason for amendments when an entry gives none, and who took
     * the register on paper when it was typed in later (null when taken live).
     */
    public record Submission(List<Entry> entries, String reason, String takenOnPaperBy) {
        boolean onPaper() {
            return takenOnPaperBy != null;
        }
    }

    /**
     * The mark to write for one pupil; {@code amends} when it replaces a mark already taken, and then {@code note} is
     * the amendment's reason. {@code changesNothing}: the same code and minutes as the mark already taken.
     */
    public record Decision(long pupilId, long registerGroupId, AttendanceCode code, int minutesLate, LocalTime arrivedAt, String source, String note,
            boolean amends, boolean changesNothing) {}

    public enum Problem {
        NOT_VALID,
        AMENDMENT_NEEDS_REASON,
        CODE_DOES_NOT_APPLY,
        NOT_OPEN_YET,
        STALE_MARK
    }

    /** The office changes one mark already taken: the code, minutes late when they are given, the version seen, and why. */
    public record Amendment(long pupilId, String code, Integer minutesLate, int version, String reason) {}

    /** A field of the submission that is wrong, and what was expected instead. */
    public record Refusal(String field, String expected) {}

    public sealed interface Outcome permits Taken, Refused, Stopped {}

    /** Every entry decided: the marks to write, in the order sent. */
    public record Taken(List<Decision> marks) implements Outcome {}

    /** Some entries cannot be recorded; nothing is. */
    public record Refused(Problem problem, List<Refusal> refusals) implements Outcome {
        public String message() {
            return refusals.size() + " mark(s) could not be recorded; nothing was saved. First: " + refusals.get(0).field() + ": " + refusals.get(0).expected();
        }
    }

    /** The whole submission stops at one entry: the register is not open yet, or a mark changed since it was loaded. */
    public record Stopped(Problem problem, String message) implements Outcome {}

    public Outcome take(Submission submission) {
        List<Refusal> refusals = new ArrayList<>();
        List<Decision> decisions = new ArrayList<>();
        boolean withoutReason = false;
        boolean doesNotApply = false;
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < submission.entries().size(); i++) {
            Entry e = submission.entries().get(i);
            String field = "marks[" + i + "]";
            Pupil pupil = roll.get(e.pupilId());
            Optional<String> who = pupil == null ? Optional.of("the id of a pupil on this school's roll")
                    : !seen.add(e.pupilId()) ? Optional.of("each pupil once per register") : notForThisSession(pupil);
            if (who.isPresent()) {
                refusals.add(new Refusal(field + ".pupilId", who.get()));
                continue;
            }
            if (today() && ArrivalRule.state(pupil.timing(), now.toLocalTime()) == ArrivalRule.RegisterState.NOT_OPEN_YET) {
                return new Stopped(Problem.NOT_OPEN_YET, "The " + session + " register for " + pupil.name() + "'s group opens at " + pupil.timing().opensAt()
                        + " (it is " + now.toLocalTime().withNano(0) + ")");
            }
            Mark existing = current.get(pupil.id());
            Planned plan = plans.get(pupil.id());
            Marked marked = mark(e, plan, existing, pupil.timing(), submission.onPaper());
            if (marked.refusal() != null) {
                refusals.add(new Refusal(field + "." + marked.refusal().field(), marked.refusal().expected()));
                continue;
            }
            Optional<String> notForPupil = e.code() == null ? Optional.empty()
                    : CodeEligibility.whyNot(marked.code(), new CodeEligibility.Pupil(pupil.name(), pupil.dateOfBirth()), date, plan == null ? null : plan.code());
            if (notForPupil.isPresent()) {
                refusals.add(new Refusal(field + ".code", notForPupil.get()));
                doesNotApply = true;
                continue;
            }
            if (submission.onPaper()) {
                marked = marked.onPaper(submission.takenOnPaperBy());
            }
            if (existing == null) {
                decisions.add(new Decision(pupil.id(), pupil.registerGroupId(), marked.code(), marked.minutesLate(), marked.arrivedAt(), marked.source(),
                        marked.note(), false, false));
                continue;
            }
            String reason = e.reason() != null ? e.reason() : submission.reason();
            if (submission.onPaper() && reason != null && !reason.isBlank()) {
                reason = reason + " (" + onPaper(submission.takenOnPaperBy()) + ")";
            }
            boolean same = existing.code().equals(marked.code().code()) && existing.minutesLate() == marked.minutesLate();
            if (!same) {
                if (reason == null || reason.isBlank()) {
                    refusals.add(new Refusal(field + ".reason", "why the mark taken as " + existing.code() + " changes to " + marked.code().code()
                            + " (the law keeps the reason beside every amendment)"));
                    withoutReason = true;
                    continue;
                }
                if (e.version() == null) {
                    refusals.add(new Refusal(field + ".version", "the version of the mark you are changing (" + existing.version() + " when you loaded it?)"));
                    continue;
                }
                if (e.version() != existing.version()) {
                    return new Stopped(Problem.STALE_MARK, "The mark of " + pupil.name() + " was changed to " + existing.code() + " by " + existing.recordedBy()
                            + " after you loaded it (version " + existing.version() + ", you sent " + e.version() + ")");
                }
            }
            decisions.add(new Decision(pupil.id(), pupil.registerGroupId(), marked.code(), marked.minutesLate(), marked.arrivedAt(), "AMENDMENT", reason, true,
                    same));
        }
        if (!refusals.isEmpty()) {
            return new Refused(withoutReason ? Problem.AMENDMENT_NEEDS_REASON : doesNotApply ? Problem.CODE_DOES_NOT_APPLY : Problem.NOT_VALID, refusals);
        }
        return new Taken(decisions);
    }

    /**
     * One mark already taken, changed by the office (the mark and the pupil are in the snapshot). A present code takes
     * the session's own (/ or \\); L and U keep the minutes already recorded unless new ones are given; the arrival
     * time stays.
     */
    public Outcome amend(Amendment a) {
        Pupil pupil = roll.get(a.pupilId());
        Mark existing = current.get(a.pupilId());
        if (a.version() != existing.version()) {
            return new Stopped(Problem.STALE_MARK, "This mark was changed to " + existing.code() + " by " + existing.recordedBy() + " after you loaded it (version "
                    + existing.version() + ", you sent " + a.version() + ")");
        }
        Optional<AttendanceCode> code = CodeCatalogue.on(a.code(), date);
        if (code.isEmpty()) {
            return new Refused(Problem.NOT_VALID, List.of(new Refusal("code", "a code in force on " + date + ": "
                    + CodeCatalogue.inForceOn(date).stream().map(AttendanceCode::code).toList())));
        }
        Planned plan = plans.get(a.pupilId());
        Optional<String> why = CodeEligibility.whyNot(code.get(), new CodeEligibility.Pupil(pupil.name(), pupil.dateOfBirth()), date,
                plan == null ? null : plan.code());
        if (why.isPresent()) {
            return new Refused(Problem.CODE_DOES_NOT_APPLY, List.of(new Refusal("code", why.get())));
        }
        AttendanceCode given = ArrivalRule.isPresentCode(code.get().code()) ? ArrivalRule.presentCode(session) : code.get();
        int minutes = a.minutesLate() != null ? a.minutesLate() : CodeSet.LATE.contains(given) ? existing.minutesLate() : 0;
        boolean same = existing.code().equals(given.code()) && existing.minutesLate() == minutes;
        return new Taken(List.of(new Decision(pupil.id(), pupil.registerGroupId(), given, minutes, existing.arrivedAt(), "AMENDMENT", a.reason(), true, same)));
    }

    /** The first entry of a mark typed in from a paper register names who took it (the entry's author is who typed it). */
    public static String onPaper(String takenBy) {
        return "Taken on paper at registration by " + takenBy.strip() + ", typed in later";
    }

    private boolean today() {
        return date.equals(now.toLocalDate());
    }

    /** Why this pupil cannot have a mark for this session, or empty. */
    private Optional<String> notForThisSession(Pupil pupil) {
        if (!pupil.onRollOn(date)) {
            return Optional.of("a pupil on roll on " + date + " (" + pupil.name() + " was admitted " + pupil.startDate()
                    + (pupil.leavingDate() == null ? "" : " and left " + pupil.leavingDate()) + ")");
        }
        Optional<Closure> closure = calendar.closureOf(date, session, pupil.registerGroupId());
        return closure.map(c -> "a pupil whose " + session + " session is open (" + pupil.groupName() + " is closed: " + c.kind()
                + (c.description() == null ? "" : ", " + c.description()) + ")");
    }

    /** One entry's mark before the amendment rules, or why it cannot be one. */
    private record Marked(AttendanceCode code, int minutesLate, LocalTime arrivedAt, String source, String note, Refusal refusal) {
        Marked onPaper(String takenBy) {
            if (source.equals("PLANNED")) {
                return this;
            }
            return new Marked(code, minutesLate, arrivedAt, "PAPER_REGISTER", RegisterSession.onPaper(takenBy) + (note == null ? "" : "; " + note), null);
        }
    }

    /** A planned absence fills an entry the teacher left blank; otherwise the marking rule decides. */
    private Marked mark(Entry e, Planned plan, Mark existing, SessionTiming timing, boolean onPaper) {
        if (e.code() == null && e.arrivedAt() == null && plan != null) {
            return new Marked(inForce(plan.code()), 0, null, "PLANNED", plan.reason(), null);
        }
        LocalTime time = today() ? now.toLocalTime().withNano(0) : null;
        Marking.Outcome o = Marking.decide(new Marking.Entry(e.code(), e.arrivedAt(), session, date, time, existing != null, onPaper), timing);
        if (o.refused()) {
            return new Marked(null, 0, null, null, null, new Refusal(o.field(), o.expected()));
        }
        return new Marked(o.code(), o.minutesLate(), o.arrivedAt(), "REGISTER", o.arrivedAt() == null ? null : "Arrived " + o.arrivedAt(), null);
    }

    private AttendanceCode inForce(String code) {
        return CodeCatalogue.on(code, date).orElseThrow(() -> new IllegalStateException("code " + code + " has no meaning on " + date));
    }
}
