package uk.openattendance.register.app;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import uk.openattendance.platform.problem.CommonProblem;
import uk.openattendance.platform.problem.DomainProblem;
import uk.openattendance.register.domain.AttendanceCode;
import uk.openattendance.register.domain.CodeCatalogue;
import uk.openattendance.register.domain.CodeEligibility;
import uk.openattendance.register.domain.CodeSet;
import uk.openattendance.register.domain.RegisterSession;
import uk.openattendance.register.domain.ArrivalRule;
import uk.openattendance.register.persistence.MarkRow;
import uk.openattendance.register.persistence.MarkStore;
import uk.openattendance.roll.app.PupilService;
import uk.openattendance.roll.app.PupilView;
import uk.openattendance.school.domain.MarkRules;
import uk.openattendance.school.domain.Session;
import uk.openattendance.school.domain.SessionTiming;
import uk.openattendance.security.Actor;
import uk.openattendance.security.Permission;
import uk.openattendance.security.SchoolScope;

/** Changes to marks after the register: single amendments, late sign-ins, bulk closures and the N follow-up. */
@Singleton
public class AmendmentService {

    private final PupilService pupils;
    private final MarkStore store;
    private final MarkWriter writer;
    private final SchoolDay schoolDay;
    private final List<PlannedMarks> planned;

    public AmendmentService(PupilService pupils, MarkStore store, MarkWriter writer, SchoolDay schoolDay, List<PlannedMarks> planned) {
        this.pupils = pupils;
        this.store = store;
        this.writer = writer;
        this.schoolDay = schoolDay;
        this.planned = planned;
    }

    @Transactional
    public MarkView amend(Actor actor, long schoolId, long pupilId, LocalDate date, Session session, @Valid AmendMark command) {
        SchoolScope scope = actor.require(Permission.REGISTER_AMEND, schoolId, "Pupil", pupilId);
        PupilView pupil = pupils.pupil(scope, pupilId);
        MarkRow current = store.marks(schoolId, date, session.name(), List.of(pupilId)).get(pupilId);
        if (current == null) {
            throw CommonProblem.notFound("Mark for " + date + " " + session + " of pupil", pupilId);
        }
        Map<Long, PlannedMarks.Planned> plan = planned.stream().flatMap(p -> p.plannedFor(schoolId, date, session, List.of(pupilId)).stream())
                .sorted(java.util.Comparator.comparing(PlannedMarks.Planned::approvedLeave).reversed()).limit(1)
                .collect(java.util.stream.Collectors.toMap(PlannedMarks.Planned::pupilId, p -> p));
        RegisterService.Inputs in = new RegisterService.Inputs(Map.of(pupilId, pupil), Map.of(pupilId, current), plan, Set.of());
        RegisterSession.Outcome outcome = RegisterService.session(schoolDay.of(schoolId), date, session, in)
                .amend(new RegisterSession.Amendment(pupilId, command.code(), command.minutesLate(), command.version(), command.reason()));
        if (outcome instanceof RegisterSession.Refused r) {
            throw DomainProblem.field(RegisterService.problem(r.problem()), r.refusals().get(0).field(), r.refusals().get(0).expected());
        }
        List<MarkChange> changes = RegisterService.changes(schoolId, date, session, in.current(), RegisterService.taken(outcome));
        List<MarkRow> written = writer.write(changes, actor.describeIn(schoolId));
        return RegisterService.view(written.isEmpty() ? current : written.get(0));
    }

    /** The office signs a pupil in: L before the U time, U after it, against the pupil's own register group's timings. */
    @Transactional
    public MarkView arrival(Actor actor, long schoolId, @Valid RecordArrival command) {
        SchoolScope scope = actor.require(Permission.REGISTER_TAKE, schoolId, "School", schoolId);
        PupilView pupil = pupils.pupil(scope, command.pupilId());
        SchoolDay.Context ctx = schoolDay.of(schoolId);
        LocalDate today = ctx.now().toLocalDate();
        LocalTime arrived = command.arrivedAt() != null ? command.arrivedAt() : ctx.now().toLocalTime().withSecond(0).withNano(0);
        if (arrived.isAfter(ctx.now().toLocalTime())) {
            throw DomainProblem.field(RegisterProblem.REGISTER_NOT_VALID, "arrivedAt", "a time that has passed (it is " + ctx.now().toLocalTime().withNano(0) + ")");
        }
        if (ctx.calendar().whyClosed(today).isPresent()) {
            throw new DomainProblem(RegisterProblem.NOT_A_SCHOOL_DAY, ctx.calendar().whyClosed(today).get());
        }
        var group = ctx.groups().get(pupil.registerGroupId());
        Session session = arrived.isBefore(group.pm().opensAt()) ? Session.AM : Session.PM;
        SessionTiming timing = group.timing(session);
        ArrivalRule.Arrival mark = ArrivalRule.judge(session, timing, arrived);
        String code = mark.code().code();
        MarkRow current = store.marks(schoolId, today, session.name(), List.of(pupil.id())).get(pupil.id());
        // already in: a second sign-in changes nothing. U (arrived after the registers closed) does not count as
        // attendance, but the pupil is in school all the same; an approved activity off site counts as attending.
        if (current != null && (CodeSet.IN_SCHOOL.contains(current.code(), today) || CodeSet.ATTENDED.contains(current.code(), today))) {
            return RegisterService.view(current);
        }
        String reason = "Signed in at " + arrived + (mark.minutesLate() > 0 ? ", " + mark.minutesLate() + " minutes late" : "");
        MarkChange change = new MarkChange(schoolId, pupil.id(), pupil.registerGroupId(), today, session.name(), current, code, mark.minutesLate(), arrived,
                current == null ? "ARRIVAL" : "AMENDMENT", reason);
        List<MarkRow> written = writer.write(List.of(change), actor.describeIn(schoolId));
        return RegisterService.view(written.isEmpty() ? current : written.get(0));
    }

    @Schema(example = "{\"marked\": 180, \"amended\": 26, \"unchanged\": 6}")
    public record ClosureResult(int marked, int amended, int unchanged) {}

    @Transactional
    public ClosureResult closeSessions(Actor actor, long schoolId, @Valid CloseSessions command) {
        SchoolScope scope = actor.require(Permission.REGISTER_AMEND, schoolId, "School", schoolId);
        SchoolDay.Context ctx = schoolDay.of(schoolId);
        if (command.registerGroupId() != null && !ctx.groups().containsKey(command.registerGroupId())) {
            throw CommonProblem.notFound("Register group", command.registerGroupId());
        }
        if (CodeCatalogue.on(command.code(), command.date()).isEmpty()) {
            throw DomainProblem.field(RegisterProblem.REGISTER_NOT_VALID, "code", "a code in force on " + command.date());
        }
        List<PupilView> affected = pupils.wholeRoll(scope).stream().filter(p -> p.onRollOn(command.date()))
                .filter(p -> command.registerGroupId() == null || p.registerGroupId() == command.registerGroupId()).toList();
        List<Long> ids = affected.stream().map(PupilView::id).toList();
        List<MarkChange> changes = new ArrayList<>();
        for (Session session : Session.values()) {
            if (!command.sessions().covers(session)) {
                continue;
            }
            Map<Long, MarkRow> current = store.marks(schoolId, command.date(), session.name(), ids);
            for (PupilView p : affected) {
                changes.add(new MarkChange(schoolId, p.id(), p.registerGroupId(), command.date(), session.name(), current.get(p.id()), command.code(), 0, null,
                        "CLOSURE", command.reason()));
            }
        }
        int unchanged = (int) changes.stream().filter(MarkChange::changesNothing).count();
        int amended = (int) changes.stream().filter(c -> c.current() != null && !c.changesNothing()).count();
        writer.write(changes, actor.describeIn(schoolId));
        return new ClosureResult(changes.size() - unchanged - amended, amended, unchanged);
    }

    /** N marks still unresolved, oldest first, flagged when older than the school's limit (default 5 school days). */
    public List<UnresolvedN> unresolvedN(Actor actor, long schoolId) {
        SchoolScope scope = actor.require(Permission.ATTENDANCE_READ, schoolId, "School", schoolId);
        SchoolDay.Context ctx = schoolDay.of(schoolId);
        MarkRules rules = schoolDay.policy(schoolId).marks();
        LocalDate today = ctx.now().toLocalDate();
        List<MarkRow> ns = store.marksWithCode(schoolId, "N", today.minusYears(1), today);
        Map<Long, PupilView> roll = pupils.wholeRoll(scope).stream().collect(Collectors.toMap(PupilView::id, Function.identity()));
        return ns.stream().map(m -> {
            int age = Math.max(0, ctx.calendar().schoolDays(m.date().plusDays(1), today).size());
            PupilView p = roll.get(m.pupilId());
            return new UnresolvedN(m.pupilId(), p == null ? null : p.displayName(), m.date(), m.session(), age, age > rules.unresolvedNLimitSchoolDays(),
                    m.version());
        }).sorted(Comparator.comparing(UnresolvedN::date).thenComparing(UnresolvedN::session)).toList();
    }

    /** Where the school's policy says so, N marks past the limit become O, recorded as amendments by the system. */
    @Transactional
    public int convertOverdueN(Actor actor, long schoolId) {
        SchoolScope scope = actor.require(Permission.REGISTER_AMEND, schoolId, "School", schoolId);
        MarkRules rules = schoolDay.policy(schoolId).marks();
        if (!rules.convertUnresolvedNToO()) {
            throw new DomainProblem(RegisterProblem.NOT_PERMITTED_BY_POLICY, "This school's policy keeps unresolved N marks for the office to resolve "
                    + "(marks.convertUnresolvedNToO is false)");
        }
        List<UnresolvedN> overdue = unresolvedN(actor, schoolId).stream().filter(UnresolvedN::overdue).toList();
        Map<Long, PupilView> roll = pupils.wholeRoll(scope).stream().collect(Collectors.toMap(PupilView::id, Function.identity()));
        List<MarkChange> changes = new ArrayList<>();
        for (UnresolvedN n : overdue) {
            MarkRow current = store.marks(schoolId, n.date(), n.session(), List.of(n.pupilId())).get(n.pupilId());
            changes.add(new MarkChange(schoolId, n.pupilId(), roll.get(n.pupilId()).registerGroupId(), n.date(), n.session(), current, "O", 0, null, "SYSTEM",
                    "No reason established within " + rules.unresolvedNLimitSchoolDays() + " school days (school policy): N becomes O"));
        }
        writer.write(changes, "System: unresolved N policy, run by " + actor.describeIn(schoolId));
        return changes.size();
    }

    /** A session whose N mark an explanation now covers. */
    public record Explained(long pupilId, LocalDate date, Session session, String code) {}

    /**
     * An explanation arrived (a parent's report or reply): N marks it covers become its code, as amendments by the system
     * with the reason kept. Marks other than N are the office's to change and are left alone. Returns how many changed.
     */
    @Transactional
    public int explainN(SchoolScope scope, List<Explained> sessions, String reason) {
        return recode(scope, sessions, Set.of("N"), reason, "SYSTEM", "System: " + scope.describe());
    }

    /**
     * Recodes sessions whose current mark is one of {@code replaceable} (e.g. refused leave the office confirms was
     * taken: N or O become G), as amendments with the reason kept; other marks are left as they are.
     */
    @Transactional
    public int recodeAbsences(Actor actor, long schoolId, List<Explained> sessions, Set<String> replaceable, String reason) {
        return recode(actor.require(Permission.REGISTER_AMEND, schoolId, "School", schoolId), sessions, replaceable, reason, "AMENDMENT",
                actor.describeIn(schoolId));
    }

    private int recode(SchoolScope scope, List<Explained> sessions, Set<String> replaceable, String reason, String source, String by) {
        long schoolId = scope.schoolId();
        if (sessions.isEmpty()) {
            return 0;
        }
        Map<Long, PupilView> roll = pupils.pupilsByIds(scope, sessions.stream().map(Explained::pupilId).distinct().toList()).stream()
                .collect(Collectors.toMap(PupilView::id, Function.identity()));
        List<MarkChange> changes = new ArrayList<>();
        for (Explained e : sessions) {
            PupilView p = roll.get(e.pupilId());
            MarkRow current = p == null ? null : store.marks(schoolId, e.date(), e.session().name(), List.of(e.pupilId())).get(e.pupilId());
            if (current != null && replaceable.contains(current.code()) && CodeCatalogue.on(e.code(), e.date()).isPresent()) {
                changes.add(new MarkChange(schoolId, e.pupilId(), p.registerGroupId(), e.date(), e.session().name(), current, e.code(), 0, null, source, reason));
            }
        }
        writer.write(changes, by);
        return changes.size();
    }
}
