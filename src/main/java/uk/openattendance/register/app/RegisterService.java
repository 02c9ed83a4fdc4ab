package uk.openattendance.register.app;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import uk.openattendance.platform.db.UnionRead;
import uk.openattendance.platform.metrics.Measured;
import uk.openattendance.platform.problem.CommonProblem;
import uk.openattendance.platform.problem.DomainProblem;
import uk.openattendance.platform.problem.FieldError;
import uk.openattendance.register.domain.ArrivalRule;
import uk.openattendance.register.domain.AttendanceCode;
import uk.openattendance.register.domain.CodeCatalogue;
import uk.openattendance.register.domain.CodeEligibility;
import uk.openattendance.register.domain.RegisterSession;
import uk.openattendance.register.persistence.ChainHead;
import uk.openattendance.register.persistence.MarkRow;
import uk.openattendance.register.persistence.ChainStore;
import uk.openattendance.register.persistence.MarkStore;
import uk.openattendance.roll.app.PupilService;
import uk.openattendance.roll.app.PupilView;
import uk.openattendance.school.domain.Closure;
import uk.openattendance.school.domain.Session;
import uk.openattendance.school.domain.SessionTiming;
import uk.openattendance.security.Actor;
import uk.openattendance.security.Permission;
import uk.openattendance.security.SchoolScope;

/**
 * Taking registers and changing marks. A first mark is recorded as given; any later change is an amendment that needs
 * a reason and the version the caller last saw, and is kept beside the original in the pupil's history.
 */
@Singleton
public class RegisterService {

    private final PupilService pupils;
    private final MarkStore store;
    private final MarkWriter writer;
    private final SchoolDay schoolDay;
    private final List<PlannedMarks> planned;

    public RegisterService(PupilService pupils, MarkStore store, MarkWriter writer, SchoolDay schoolDay, List<PlannedMarks> planned) {
        this.pupils = pupils;
        this.store = store;
        this.writer = writer;
        this.schoolDay = schoolDay;
        this.planned = planned;
    }

    public RegisterView register(Actor actor, long schoolId, LocalDate date, Session session, Long registerGroupId, String form) {
        SchoolScope scope = actor.require(Permission.REGISTER_TAKE, schoolId, "School", schoolId);
        SchoolDay.Context ctx = schoolDay.of(schoolId);
        if (registerGroupId != null && !ctx.groups().containsKey(registerGroupId)) {
            throw CommonProblem.notFound("Register group", registerGroupId);
        }
        List<PupilView> onRoll = pupils.wholeRoll(scope).stream()
                .filter(p -> p.onRollOn(date))
                .filter(p -> registerGroupId == null || p.registerGroupId() == registerGroupId)
                .filter(p -> form == null || form.equalsIgnoreCase(p.form()))
                .sorted(Comparator.comparing(PupilView::legalSurname).thenComparing(PupilView::legalForename))
                .toList();
        List<Long> ids = onRoll.stream().map(PupilView::id).toList();
        Map<Long, MarkRow> marks = store.marks(schoolId, date, session.name(), ids);
        Map<Long, PlannedMarks.Planned> plans = plannedFor(schoolId, date, session, ids);
        SessionTiming timing = registerGroupId == null ? null : ctx.groups().get(registerGroupId).timing(session);
        // a class or the whole school spans groups: the register is open from the first group's opening to the last one's close
        List<SessionTiming> timings = timing != null ? List.of(timing)
                : onRoll.stream().map(PupilView::registerGroupId).distinct().map(g -> ctx.groups().get(g)).filter(java.util.Objects::nonNull)
                        .map(g -> g.timing(session)).toList();
        String status = status(ctx, date, timings.isEmpty() ? ctx.groups().values().stream().map(g -> g.timing(session)).toList() : timings);
        List<RegisterView.Line> lines = onRoll.stream().map(p -> new RegisterView.Line(p.id(), p.displayName(), p.registerGroupId(), p.form(),
                marks.containsKey(p.id()) ? view(marks.get(p.id())) : null, plans.get(p.id()))).toList();
        return new RegisterView(schoolId, date, session.name(), registerGroupId, form, timing, status, lines);
    }

    /** A pupil's marks between two dates, in date and session order. */
    public List<MarkView> marksOfPupil(Actor actor, long schoolId, long pupilId, LocalDate from, LocalDate to) {
        return marksOfPupil(actor.require(Permission.ATTENDANCE_READ, schoolId, "Pupil", pupilId), pupilId, from, to);
    }

    public List<MarkView> marksOfPupil(SchoolScope scope, long pupilId, LocalDate from, LocalDate to) {
        pupils.pupil(scope, pupilId);
        if (to.isBefore(from) || from.plusYears(7).isBefore(to)) {
            throw DomainProblem.field(RegisterProblem.REGISTER_NOT_VALID, "to", "a date on or after from, at most 7 years later");
        }
        return store.marksOfPupil(pupilId, from, to).stream().map(RegisterService::view).toList();
    }

    /** Some pupils' marks at this school between two dates (one read for many pupils, e.g. what their absence reports explain). */
    public List<MarkView> marksOfPupils(SchoolScope scope, Collection<Long> pupilIds, LocalDate from, LocalDate to) {
        return store.marksOfPupils(pupilIds, from, to).stream().filter(m -> m.schoolId() == scope.schoolId()).map(RegisterService::view).toList();
    }

    /** The marks some pupils have for one session, by pupil; pupils with no mark yet are absent from the map. */
    public Map<Long, MarkView> currentMarks(Actor actor, long schoolId, LocalDate date, Session session, Collection<Long> pupilIds) {
        return currentMarks(actor.require(Permission.ATTENDANCE_READ, schoolId, "School", schoolId), date, session, pupilIds);
    }

    public Map<Long, MarkView> currentMarks(SchoolScope scope, LocalDate date, Session session, Collection<Long> pupilIds) {
        return store.marks(scope.schoolId(), date, session.name(), pupilIds).values().stream().collect(Collectors.toMap(MarkRow::pupilId, RegisterService::view));
    }

    /** Every mark with this code between two dates, in date, session and pupil order. */
    public List<MarkView> marksWithCode(Actor actor, long schoolId, String code, LocalDate from, LocalDate to) {
        return marksWithCode(actor.require(Permission.ATTENDANCE_READ, schoolId, "School", schoolId), code, from, to);
    }

    public List<MarkView> marksWithCode(SchoolScope scope, String code, LocalDate from, LocalDate to) {
        return marksWithCodes(scope, List.of(code), from, to);
    }

    /** Every mark with one of these codes between two dates, in date, session and pupil order. */
    public List<MarkView> marksWithCodes(SchoolScope scope, Collection<String> codes, LocalDate from, LocalDate to) {
        return store.marksWithCodes(scope.schoolId(), codes, from, to).stream().map(RegisterService::view).toList();
    }

    @Transactional
    @Measured(value = "attendance.register.saves", description = "Whole-register saves (REST and GraphQL), by outcome: ok, refused, error")
    public RegisterResult submit(Actor actor, long schoolId, LocalDate date, Session session, @Valid SubmitRegister command) {
        SchoolScope scope = actor.require(Permission.REGISTER_TAKE, schoolId, "School", schoolId);
        SchoolDay.Context ctx = schoolDay.of(schoolId);
        requireSchoolDay(ctx, date);
        List<Long> ids = command.marks().stream().map(SubmitRegister.Entry::pupilId).distinct().toList();
        Inputs in = read(scope, date, session, ids);
        RegisterSession.Outcome outcome = session(ctx, date, session, in).take(submission(command));
        List<MarkChange> changes = changes(schoolId, date, session, in.current(), taken(outcome));
        List<MarkRow> written = writer.write(changes, actor.describeIn(schoolId), in.heads());
        return result(command, in.current(), changes, written);
    }

    /** The snapshot the register's rules decide from: the pupils as loaded, their marks and plans, and the school's time. */
    static RegisterSession session(SchoolDay.Context ctx, LocalDate date, Session session, Inputs in) {
        Map<Long, RegisterSession.Pupil> roll = new java.util.HashMap<>();
        in.roll().values().forEach(p -> {
            var group = ctx.groups().get(p.registerGroupId());
            roll.put(p.id(), new RegisterSession.Pupil(p.id(), p.displayName(), p.registerGroupId(), group == null ? null : group.name(),
                    group == null ? null : group.timing(session), p.startDate(), p.leavingDate(), p.dateOfBirth()));
        });
        Map<Long, RegisterSession.Mark> current = new java.util.HashMap<>();
        in.current().forEach((id, m) -> current.put(id, new RegisterSession.Mark(m.code(), m.minutesLate(), m.arrivedAt(), m.version(), m.recordedBy())));
        Map<Long, RegisterSession.Planned> plans = new java.util.HashMap<>();
        in.plans().forEach((id, p) -> plans.put(id, new RegisterSession.Planned(p.code(), p.reason())));
        return new RegisterSession(date, session, ctx.now(), ctx.calendar(), roll, current, plans);
    }

    private static RegisterSession.Submission submission(SubmitRegister command) {
        List<RegisterSession.Entry> entries = command.marks().stream()
                .map(e -> new RegisterSession.Entry(e.pupilId(), e.code(), e.arrivedAt(), e.version(), e.reason())).toList();
        return new RegisterSession.Submission(entries, command.reason(), command.takenAtRegistration() == null ? null : command.takenAtRegistration().takenBy());
    }

    /** The marks the session decided on, or the problem that stops the save (nothing is written). */
    static List<RegisterSession.Decision> taken(RegisterSession.Outcome outcome) {
        if (outcome instanceof RegisterSession.Refused r) {
            throw new DomainProblem(problem(r.problem()), r.message(), r.refusals().stream().map(f -> new FieldError(f.field(), f.expected())).toList());
        }
        if (outcome instanceof RegisterSession.Stopped s) {
            throw new DomainProblem(problem(s.problem()), s.message());
        }
        return ((RegisterSession.Taken) outcome).marks();
    }

    static RegisterProblem problem(RegisterSession.Problem p) {
        return switch (p) {
            case NOT_VALID -> RegisterProblem.REGISTER_NOT_VALID;
            case AMENDMENT_NEEDS_REASON -> RegisterProblem.AMENDMENT_NEEDS_REASON;
            case CODE_DOES_NOT_APPLY -> RegisterProblem.CODE_DOES_NOT_APPLY;
            case NOT_OPEN_YET -> RegisterProblem.REGISTER_NOT_OPEN_YET;
            case STALE_MARK -> RegisterProblem.STALE_MARK;
        };
    }

    static List<MarkChange> changes(long schoolId, LocalDate date, Session session, Map<Long, MarkRow> current, List<RegisterSession.Decision> marks) {
        return marks.stream().map(d -> new MarkChange(schoolId, d.pupilId(), d.registerGroupId(), date, session.name(), current.get(d.pupilId()),
                d.code().code(), d.minutesLate(), d.arrivedAt(), d.source(), d.note())).toList();
    }

    private static RegisterResult result(SubmitRegister command, Map<Long, MarkRow> current, List<MarkChange> changes, List<MarkRow> written) {
        int amended = (int) changes.stream().filter(c -> c.current() != null && !c.changesNothing()).count();
        int recorded = (int) changes.stream().filter(c -> c.current() == null).count();
        Map<Long, MarkRow> after = new java.util.HashMap<>(current);
        written.forEach(m -> after.put(m.pupilId(), m));
        List<MarkView> views = command.marks().stream().map(e -> after.get(e.pupilId())).filter(java.util.Objects::nonNull).map(RegisterService::view).toList();
        return new RegisterResult(recorded, amended, changes.size() - recorded - amended, views);
    }

    static CodeEligibility.Pupil eligible(PupilView p) {
        return new CodeEligibility.Pupil(p.displayName(), p.dateOfBirth());
    }

    /**
     * The code the school already granted for this session: approved leave, or a report the school accepted (a
     * bereavement reply the office accepted as C plans C, and its N turns to C anyway), so typing the same code agrees.
     */
    static String leaveCode(PlannedMarks.Planned plan) {
        return plan != null ? plan.code() : null;
    }

    private static void requireSchoolDay(SchoolDay.Context ctx, LocalDate date) {
        if (date.isAfter(ctx.now().toLocalDate())) {
            throw DomainProblem.field(RegisterProblem.REGISTER_NOT_VALID, "date", "today or an earlier date; planned absences are recorded as leave, not as marks");
        }
        Optional<String> why = ctx.calendar().whyClosed(date);
        if (why.isPresent()) {
            throw new DomainProblem(RegisterProblem.NOT_A_SCHOOL_DAY, why.get());
        }
    }

    /**
     * Today, a register over several groups is OPEN while any of theirs is, NOT_OPEN_YET while one is still to open,
     * and CLOSED once all have closed; another day is PAST or FUTURE. A school with no groups yet has no times to go by,
     * so its register is open all day.
     */
    private static String status(SchoolDay.Context ctx, LocalDate date, List<SessionTiming> timings) {
        if (ctx.calendar().whyClosed(date).isPresent()) {
            return "NOT_A_SCHOOL_DAY";
        }
        if (!date.equals(ctx.now().toLocalDate())) {
            return date.isAfter(ctx.now().toLocalDate()) ? "FUTURE" : "PAST";
        }
        LocalTime now = ctx.now().toLocalTime();
        List<ArrivalRule.RegisterState> states = timings.stream().map(t -> ArrivalRule.state(t, now)).toList();
        if (states.isEmpty() || states.contains(ArrivalRule.RegisterState.OPEN)) {
            return "OPEN";
        }
        return states.contains(ArrivalRule.RegisterState.NOT_OPEN_YET) ? "NOT_OPEN_YET" : "CLOSED";
    }

    /** What a save needs to know of its pupils: the pupils, their current marks and chain heads, and what is planned for them. */
    record Inputs(Map<Long, PupilView> roll, Map<Long, MarkRow> current, Map<Long, PlannedMarks.Planned> plans, java.util.Set<Long> heads) {}

    /**
     * The pupils, their marks and heads, and the planned marks that can come along, in one round trip (UnionRead); a
     * source of planned marks that cannot is asked after. The marks and plans are of this school's pupils only.
     */
    private Inputs read(SchoolScope scope, LocalDate date, Session session, List<Long> ids) {
        if (ids.isEmpty()) {
            return new Inputs(Map.of(), Map.of(), Map.of(), java.util.Set.of());
        }
        long schoolId = scope.schoolId();
        List<UnionRead.Part<?>> parts = new ArrayList<>(List.of(pupils.pupilsPart(scope, ids), MarkStore.marksPart(schoolId, date, session.name(), ids),
                ChainStore.headsPart(ids)));
        List<PlannedMarks.Read<?>> reads = new ArrayList<>();
        List<PlannedMarks> separately = new ArrayList<>();
        for (PlannedMarks p : planned) {
            Optional<PlannedMarks.Read<?>> r = p.read(schoolId, date, session, ids);
            r.ifPresentOrElse(reads::add, () -> separately.add(p));
            r.ifPresent(x -> parts.add(x.part()));
        }
        List<List<?>> rows = store.read(parts);
        Map<Long, PupilView> roll = new java.util.HashMap<>();
        rows.get(0).forEach(p -> roll.put(((PupilView) p).id(), (PupilView) p));
        Map<Long, MarkRow> current = new java.util.HashMap<>();
        rows.get(1).forEach(m -> current.put(((MarkRow) m).pupilId(), (MarkRow) m));
        java.util.Set<Long> heads = new java.util.HashSet<>();
        rows.get(2).forEach(h -> heads.add(((ChainHead) h).pupilId()));
        List<PlannedMarks.Planned> found = new ArrayList<>();
        for (int i = 0; i < reads.size(); i++) {
            found.addAll(reads.get(i).plannedFrom(rows.get(3 + i)));
        }
        for (PlannedMarks p : separately) {
            found.addAll(p.plannedFor(schoolId, date, session, roll.keySet()));
        }
        Map<Long, PlannedMarks.Planned> plans = found.stream().filter(p -> roll.containsKey(p.pupilId()))
                .collect(Collectors.toMap(PlannedMarks.Planned::pupilId, Function.identity(), RegisterService::leaveFirst));
        return new Inputs(roll, current, plans, heads);
    }

    /** Approved leave first: it is what a leave code needs (CodeEligibility), whatever else is planned. */
    private static PlannedMarks.Planned leaveFirst(PlannedMarks.Planned a, PlannedMarks.Planned b) {
        return a.approvedLeave() || !b.approvedLeave() ? a : b;
    }

    private Map<Long, PlannedMarks.Planned> plannedFor(long schoolId, LocalDate date, Session session, Collection<Long> ids) {
        if (planned.isEmpty() || ids.isEmpty()) {
            return Map.of();
        }
        return planned.stream().flatMap(p -> p.plannedFor(schoolId, date, session, ids).stream())
                // approved leave first: it is what a leave code needs (CodeEligibility), whatever else is planned
                .collect(Collectors.toMap(PlannedMarks.Planned::pupilId, Function.identity(), (a, b) -> a.approvedLeave() || !b.approvedLeave() ? a : b));
    }

    static MarkView view(MarkRow m) {
        String meaning = CodeCatalogue.on(m.code(), m.date()).map(AttendanceCode::meaning).orElse(null);
        return new MarkView(m.pupilId(), m.date(), m.session(), m.code(), meaning, m.minutesLate(), m.arrivedAt(), m.source(), m.version(), m.recordedBy(),
                m.recordedAt());
    }
}
