package uk.openattendance.statutory.app;

import uk.openattendance.register.domain.CodeSet;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import uk.openattendance.platform.problem.DomainProblem;
import uk.openattendance.register.app.MarkView;
import uk.openattendance.register.app.RegisterService;
import uk.openattendance.register.app.SchoolDay;
import uk.openattendance.register.domain.ContinuousAbsence;
import uk.openattendance.roll.app.AdmissionEventView;
import uk.openattendance.roll.app.ContactService;
import uk.openattendance.roll.app.ContactView;
import uk.openattendance.roll.app.PupilService;
import uk.openattendance.roll.app.PupilView;
import uk.openattendance.school.domain.SchoolCalendar;
import uk.openattendance.security.Actor;
import uk.openattendance.security.Permission;
import uk.openattendance.security.SchoolScope;
import uk.openattendance.statutory.app.StatutoryViews.ParentStanding;
import uk.openattendance.statutory.app.StatutoryViews.PenaltyConsideration;
import uk.openattendance.statutory.app.StatutoryViews.PenaltyNotice;
import uk.openattendance.statutory.app.StatutoryViews.RecordPenaltyNotice;
import uk.openattendance.statutory.app.StatutoryViews.RecordReturnMade;
import uk.openattendance.statutory.app.StatutoryViews.ReturnDue;
import uk.openattendance.statutory.app.StatutoryViews.ReturnKind;
import uk.openattendance.statutory.app.StatutoryViews.ReturnStatus;
import uk.openattendance.statutory.domain.PenaltyNoticeLedger;
import uk.openattendance.statutory.persistence.StatutoryStore.NoticeRow;
import uk.openattendance.statutory.persistence.StatutoryStore.ReturnMadeRow;
import uk.openattendance.statutory.persistence.StatutoryStore;

/**
 * The statutory steps beside the letters: the penalty-notice consideration list with each parent's standing on the
 * national framework's cap, and the returns the local authority is owed (new pupils within 5 school days, deletions,
 * 10 school days of continuous unauthorised absence, 15 school days of illness).
 */
@Singleton
public class StatutoryPrompts {
    static final int CONTINUOUS_UNAUTHORISED_DAYS = 10;
    /** DfE: pupils who will miss 15 school days or more, consecutive or cumulative, because of illness (two sessions a day). */
    static final int ILLNESS_DAYS = 15;

    private final StatutoryStore store;
    private final PenaltyNoticeMonitor monitor;
    private final PupilService pupils;
    private final ContactService contacts;
    private final RegisterService registers;
    private final SchoolDay schoolDay;
    private final Clock clock;

    public StatutoryPrompts(StatutoryStore store, PenaltyNoticeMonitor monitor, PupilService pupils, ContactService contacts, RegisterService registers,
            SchoolDay schoolDay, Clock clock) {
        this.store = store;
        this.monitor = monitor;
        this.pupils = pupils;
        this.contacts = contacts;
        this.registers = registers;
        this.schoolDay = schoolDay;
        this.clock = clock;
    }

    /** Pupils over the framework's threshold as of a date (default today), each parent's standing, and notices already issued. */
    public List<PenaltyConsideration> penaltyNoticeConsiderations(Actor actor, long schoolId, LocalDate asOf) {
        SchoolScope scope = actor.require(Permission.ATTENDANCE_READ, schoolId, "School", schoolId);
        LocalDate date = asOf != null ? asOf : today(schoolId);
        List<PenaltyNoticeMonitor.PenaltyCandidate> candidates = monitor.penaltyNoticeMonitor(scope, date);
        List<Long> ids = candidates.stream().map(PenaltyNoticeMonitor.PenaltyCandidate::pupilId).toList();
        Map<Long, List<ContactView>> families = contacts.contactsOfPupils(scope, ids);
        Map<Long, List<NoticeRow>> notices = store.noticesOfPupils(schoolId, ids).stream().collect(Collectors.groupingBy(NoticeRow::pupilId));
        List<PenaltyConsideration> out = new ArrayList<>();
        for (PenaltyNoticeMonitor.PenaltyCandidate c : candidates) {
            List<NoticeRow> issued = notices.getOrDefault(c.pupilId(), List.of());
            List<ParentStanding> parents = families.getOrDefault(c.pupilId(), List.of()).stream().filter(ContactView::parentalResponsibility)
                    .map(parent -> standing(parent, issued, date)).toList();
            out.add(new PenaltyConsideration(c.pupilId(), c.name(), c.unauthorisedSessions(), c.schoolWeeks(), c.windowFrom(), c.windowTo(), parents,
                    issued.stream().map(StatutoryPrompts::view).toList()));
        }
        return out;
    }

    public List<PenaltyNotice> penaltyNoticesOfPupil(Actor actor, long schoolId, long pupilId) {
        actor.require(Permission.ATTENDANCE_READ, schoolId, "School", schoolId);
        pupils.pupil(actor, schoolId, pupilId);
        return store.noticesOfPupils(schoolId, List.of(pupilId)).stream().map(StatutoryPrompts::view).toList();
    }

    @Transactional
    public PenaltyNotice recordPenaltyNotice(Actor actor, long schoolId, @Valid RecordPenaltyNotice command) {
        SchoolScope scope = actor.require(Permission.PENALTY_NOTICES, schoolId, "School", schoolId);
        PupilView pupil = pupils.pupil(actor, schoolId, command.pupilId());
        ContactView parent = contacts.contactsOf(scope, pupil.id()).stream()
                .filter(c -> c.contactId() == command.contactId() && c.parentalResponsibility()).findFirst()
                .orElseThrow(() -> DomainProblem.field(StatutoryProblem.NOT_VALID, "contactId", "a contact of " + pupil.displayName()
                        + " with parental responsibility: notices are issued to a parent, per child"));
        LocalDate today = today(schoolId);
        if (command.issuedOn().isAfter(today)) {
            throw DomainProblem.field(StatutoryProblem.NOT_VALID, "issuedOn", "a date on or before today (" + today + ")");
        }
        store.lockPupil(pupil.id());
        PenaltyNoticeLedger ledger = new PenaltyNoticeLedger(store.noticesOfPupils(schoolId, List.of(pupil.id())).stream()
                .filter(n -> n.contactId() == parent.contactId()).map(NoticeRow::issuedOn).toList());
        if (!ledger.allows(command.issuedOn())) {
            throw new DomainProblem(StatutoryProblem.PENALTY_CAP_REACHED, ledger.standing(command.issuedOn()).advice());
        }
        int number = ledger.numberOn(command.issuedOn());
        Optional<PenaltyNoticeMonitor.PenaltyCandidate> why = monitor.penaltyNoticeMonitor(scope, command.issuedOn()).stream()
                .filter(c -> c.pupilId() == pupil.id()).findFirst();
        NoticeRow row = new NoticeRow(0, schoolId, pupil.id(), parent.contactId(), parent.name(), command.issuedOn(), number,
                PenaltyNoticeLedger.FULL_PENCE, number == 1 ? PenaltyNoticeLedger.REDUCED_PENCE : null, command.reference(),
                why.map(PenaltyNoticeMonitor.PenaltyCandidate::unauthorisedSessions).orElse(null), why.map(PenaltyNoticeMonitor.PenaltyCandidate::windowFrom).orElse(null),
                why.map(PenaltyNoticeMonitor.PenaltyCandidate::windowTo).orElse(null), command.note(), actor.describeIn(schoolId), clock.instant());
        long id = store.insertNotice(row);
        return view(new NoticeRow(id, row.schoolId(), row.pupilId(), row.contactId(), row.parentName(), row.issuedOn(), row.noticeNumber(),
                row.amountPence(), row.reducedAmountPence(), row.reference(), row.unauthorisedSessions(), row.windowFrom(), row.windowTo(), row.note(),
                row.recordedBy(), row.recordedAt()));
    }

    /** Every return the local authority is owed this school year as of a date (default today): overdue first, then due, then made. */
    public List<ReturnDue> localAuthorityReturnsDue(Actor actor, long schoolId, LocalDate asOf) {
        SchoolScope scope = actor.require(Permission.ADMISSIONS, schoolId, "School", schoolId);
        SchoolDay.Context ctx = schoolDay.of(schoolId);
        LocalDate date = asOf != null ? asOf : ctx.now().toLocalDate();
        LocalDate yearStart = LocalDate.of(Integer.parseInt(SchoolCalendar.academicYearOf(date).substring(0, 4)), 8, 1);
        List<Found> found = new ArrayList<>();
        for (AdmissionEventView e : pupils.localAuthorityReturns(actor, schoolId)) {
            if (e.effectiveOn().isAfter(date) || e.laReturnDueOn().isBefore(yearStart)) {
                continue;
            }
            boolean admission = "ADMISSION".equals(e.kind());
            found.add(new Found(e.pupilId(), admission ? ReturnKind.NEW_PUPIL : ReturnKind.DELETION, "EVENT:" + e.id(), e.laReturnDueOn(), admission
                    ? "Joined on " + e.effectiveOn() + ": the local authority needs the new pupil's details within 5 school days"
                    : "Deleted from the admission register on " + e.effectiveOn() + " (" + e.ground() + "): tell the local authority as soon as the "
                    + "ground is met"));
        }
        List<LocalDate> schoolDays = ctx.calendar().schoolDays(yearStart, date);
        Map<Long, Map<LocalDate, Integer>> unauthorised = sessionsByDay(registers.marksWithCodes(scope, CodeSet.MISSING_WITHOUT_PERMISSION.codes(),
                yearStart, date));
        unauthorised.forEach((pupilId, days) -> {
            for (ContinuousAbsence.Run run : ContinuousAbsence.runs(schoolDays, days, CONTINUOUS_UNAUTHORISED_DAYS)) {
                found.add(new Found(pupilId, ReturnKind.CONTINUOUS_UNAUTHORISED, "RUN:" + run.first(), run.dayReaching(CONTINUOUS_UNAUTHORISED_DAYS),
                        run.schoolDays() + " school days of continuous unauthorised absence (G, N or O every session) from " + run.first() + " to "
                                + run.last()));
            }
        });
        Map<Long, List<MarkView>> illness = registers.marksWithCodes(scope, List.of("I"), yearStart, date).stream()
                .collect(Collectors.groupingBy(MarkView::pupilId));
        String year = SchoolCalendar.academicYearOf(date);
        illness.forEach((pupilId, marks) -> {
            if (marks.size() >= ILLNESS_DAYS * 2) {
                found.add(new Found(pupilId, ReturnKind.ILLNESS, "ILLNESS:" + year, marks.get(ILLNESS_DAYS * 2 - 1).date(), days(marks.size())
                        + " school days of illness this school year (consecutive or cumulative): the local authority arranges education for a "
                        + "child missing 15 days or more through illness"));
            }
        });
        Map<String, ReturnMadeRow> made = store.returnsMade(schoolId).stream().collect(Collectors.toMap(r -> r.pupilId() + "|" + r.kind() + "|"
                + r.triggerKey(), Function.identity()));
        Map<Long, PupilView> names = pupils.pupilsByIds(scope, found.stream().map(Found::pupilId).distinct().toList()).stream()
                .collect(Collectors.toMap(PupilView::id, Function.identity()));
        return found.stream().map(f -> {
            ReturnMadeRow m = made.get(f.pupilId() + "|" + f.kind() + "|" + f.triggerKey());
            ReturnStatus status = m != null ? ReturnStatus.MADE : f.dueOn().isBefore(date) ? ReturnStatus.OVERDUE : ReturnStatus.DUE;
            PupilView p = names.get(f.pupilId());
            return new ReturnDue(f.pupilId(), p == null ? null : p.displayName(), f.kind(), f.triggerKey(), f.dueOn(), f.why(), status,
                    m == null ? null : m.madeOn(), m == null ? null : m.reference(), m == null ? null : m.recordedBy());
        }).sorted(Comparator.comparing(ReturnDue::status).thenComparing(ReturnDue::dueOn)).toList();
    }

    @Transactional
    public ReturnDue recordReturnMade(Actor actor, long schoolId, @Valid RecordReturnMade command) {
        LocalDate today = today(schoolId);
        if (command.madeOn().isAfter(today)) {
            throw DomainProblem.field(StatutoryProblem.NOT_VALID, "madeOn", "a date on or before today (" + today + ")");
        }
        ReturnDue due = localAuthorityReturnsDue(actor, schoolId, today).stream()
                .filter(r -> r.pupilId() == command.pupilId() && r.kind() == command.kind() && r.triggerKey().equals(command.triggerKey())).findFirst()
                .orElseThrow(() -> pupils.pupilsByIds(actor.require(Permission.ATTENDANCE_READ, schoolId, "School", schoolId), List.of(command.pupilId())).isEmpty()
                        ? DomainProblem.field(StatutoryProblem.NOT_VALID, "pupilId", "the id of a pupil on this school's roll")
                        : DomainProblem.field(StatutoryProblem.NOT_VALID, "triggerKey", "a return listed by GET /api/v1/schools/" + schoolId
                        + "/local-authority-returns-due for this pupil and kind"));
        if (!store.insertReturnMade(new ReturnMadeRow(schoolId, command.pupilId(), command.kind().name(), command.triggerKey(), command.madeOn(),
                command.reference(), actor.describeIn(schoolId), clock.instant()))) {
            throw new DomainProblem(StatutoryProblem.ALREADY_RECORDED, "This return was already recorded as made by " + due.recordedBy() + " on "
                    + due.madeOn());
        }
        return new ReturnDue(due.pupilId(), due.pupilName(), due.kind(), due.triggerKey(), due.dueOn(), due.why(), ReturnStatus.MADE, command.madeOn(),
                command.reference(), actor.describeIn(schoolId));
    }

    private record Found(long pupilId, ReturnKind kind, String triggerKey, LocalDate dueOn, String why) {}

    private LocalDate today(long schoolId) {
        return schoolDay.of(schoolId).now().toLocalDate();
    }

    private static String days(int sessions) {
        return sessions % 2 == 0 ? String.valueOf(sessions / 2) : sessions / 2 + "½";
    }

    private static Map<Long, Map<LocalDate, Integer>> sessionsByDay(List<MarkView> marks) {
        Map<Long, Map<LocalDate, Integer>> out = new HashMap<>();
        for (MarkView m : marks) {
            out.computeIfAbsent(m.pupilId(), k -> new HashMap<>()).merge(m.date(), 1, Integer::sum);
        }
        return out;
    }

    private static ParentStanding standing(ContactView parent, List<NoticeRow> issued, LocalDate on) {
        PenaltyNoticeLedger.Standing s = new PenaltyNoticeLedger(issued.stream().filter(n -> n.contactId() == parent.contactId())
                .map(NoticeRow::issuedOn).toList()).standing(on);
        return new ParentStanding(parent.contactId(), parent.name(), parent.relationship(), parent.livesWithPupil(), s.inThreeYears(), s.next().name(),
                s.amountPence(), s.reducedAmountPence(), s.availableFrom(), s.advice());
    }

    private static PenaltyNotice view(NoticeRow n) {
        return new PenaltyNotice(n.id(), n.pupilId(), n.contactId(), n.parentName(), n.issuedOn(), n.noticeNumber(), n.amountPence(),
                n.reducedAmountPence(), n.reference(), n.unauthorisedSessions(), n.windowFrom(), n.windowTo(), n.note(), n.recordedBy(), n.recordedAt());
    }
}
