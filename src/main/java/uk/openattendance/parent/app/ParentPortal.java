package uk.openattendance.parent.app;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.inject.Singleton;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import uk.openattendance.absence.app.AbsenceReportView;
import uk.openattendance.absence.app.AbsenceService;
import uk.openattendance.absence.app.ReportAbsence;
import uk.openattendance.absence.domain.ReportChannel;
import uk.openattendance.leave.app.LeaveRequestView;
import uk.openattendance.leave.app.LeaveService;
import uk.openattendance.leave.app.RequestLeave;
import uk.openattendance.platform.problem.DomainProblem;
import uk.openattendance.platform.problem.FieldError;
import uk.openattendance.letters.app.LetterService;
import uk.openattendance.notify.app.Outbox;
import uk.openattendance.register.app.FiguresRow;
import uk.openattendance.register.app.FiguresService;
import uk.openattendance.register.app.MarkView;
import uk.openattendance.register.app.WindowRequest;
import uk.openattendance.register.domain.MarkWords;
import uk.openattendance.register.app.RegisterService;
import uk.openattendance.register.app.SchoolDay;
import uk.openattendance.roll.app.ContactService;
import uk.openattendance.roll.app.ContactView;
import uk.openattendance.roll.app.PupilService;
import uk.openattendance.roll.app.PupilView;
import uk.openattendance.school.domain.Session;
import uk.openattendance.security.Actor;
import uk.openattendance.security.ParentScope;
import uk.openattendance.security.SchoolScope;

/** What a signed-in parent may see and do: their own children at one school, and reporting their absence. */
@Singleton
public class ParentPortal {
    private final ContactService contacts;
    private final PupilService pupils;
    private final RegisterService registers;
    private final AbsenceService absences;
    private final SchoolDay schoolDay;
    private final LeaveService leave;

    private final FiguresService figures;
    private final LetterService letters;
    private final Outbox outbox;
    private final StatusNotices notices;

    public ParentPortal(ContactService contacts, PupilService pupils, RegisterService registers, AbsenceService absences, SchoolDay schoolDay,
            LeaveService leave, FiguresService figures, LetterService letters, Outbox outbox, StatusNotices notices) {
        this.notices = notices;
        this.figures = figures;
        this.letters = letters;
        this.outbox = outbox;
        this.leave = leave;
        this.contacts = contacts;
        this.pupils = pupils;
        this.registers = registers;
        this.absences = absences;
        this.schoolDay = schoolDay;
    }

    @Schema(example = "{\"pupilId\": 42, \"name\": \"Nia Fenwright\", \"form\": \"2B\", \"morningMark\": \"/\", \"afternoonMark\": \"I\"}")
    public record Child(long pupilId, String name, String form, String morningMark, String afternoonMark) {}

    public List<Child> children(Actor parent, long schoolId) {
        ParentScope me = scope(parent, schoolId);
        List<PupilView> kids = childrenOf(me);
        LocalDate today = schoolDay.of(schoolId).now().toLocalDate();
        Set<Long> ids = kids.stream().map(PupilView::id).collect(Collectors.toSet());
        Map<Long, MarkView> am = registers.currentMarks(me.school(), today, Session.AM, ids);
        Map<Long, MarkView> pm = registers.currentMarks(me.school(), today, Session.PM, ids);
        return kids.stream().map(p -> new Child(p.id(), p.displayName(), p.form(), am.containsKey(p.id()) ? am.get(p.id()).meaning() : null,
                pm.containsKey(p.id()) ? pm.get(p.id()).meaning() : null)).toList();
    }

    /**
     * One session's mark as a parent reads it: words, never the register code. {@code counts}: how the mark counts in
     * the DfE's figures (PRESENT, APPROVED_EDUCATIONAL_ACTIVITY, AUTHORISED_ABSENCE, UNAUTHORISED_ABSENCE,
     * UNABLE_TO_ATTEND, ADMINISTRATIVE, NOT_COUNTED), so a week can be drawn as sessions attended.
     */
    public record MarkInWords(LocalDate date, String session, String words, Integer minutesLate, String counts) {}

    /**
     * A child's attendance this school year with the same DfE figures staff see (the figures service's own pupil row:
     * window, denominator and all), and this week's marks so far in words.
     */
    @Schema(example = "{\"pupilId\": 42, \"name\": \"Nia Fenwright\", \"form\": \"2B\", \"thisYear\": {\"key\": \"42\", \"label\": \"Nia Fenwright\", \"pupils\": 1, \"figures\": {\"possibleSessions\": 112, \"attended\": 106, \"present\": 106, \"approvedEducationalActivity\": 0, \"authorisedAbsence\": 6, \"unauthorisedAbsence\": 0, \"lateBeforeClose\": 2, \"unauthorisedLates\": 0, \"minutesLate\": 14, \"attendancePercent\": 94.6, \"absencePercent\": 5.4, \"persistentAbsence\": false, \"severeAbsence\": false, \"denominator\": \"112 possible sessions: marks whose code counts as possible, only on days the pupil was on roll\"}, \"persistentAbsentees\": 0, \"severeAbsentees\": 0, \"window\": {\"description\": \"This academic year to date\", \"from\": \"2026-09-03\", \"to\": \"2026-11-20\"}}, \"weekFrom\": \"2026-11-23\", \"weekTo\": \"2026-11-27\", \"thisWeek\": [{\"date\": \"2026-11-23\", \"session\": \"AM\", \"words\": \"Ill (you told us)\", \"minutesLate\": 0, \"counts\": \"authorised absence\"}, {\"date\": \"2026-11-23\", \"session\": \"PM\", \"words\": \"Ill (you told us)\", \"minutesLate\": 0, \"counts\": \"authorised absence\"}, {\"date\": \"2026-11-24\", \"session\": \"AM\", \"words\": \"In school, arrived 8 minutes late\", \"minutesLate\": 8, \"counts\": \"attended\"}]}")
    public record ChildAttendance(long pupilId, String name, String form, FiguresRow thisYear, LocalDate weekFrom, LocalDate weekTo,
            List<MarkInWords> thisWeek) {}

    public List<ChildAttendance> attendance(Actor parent, long schoolId) {
        ParentScope me = scope(parent, schoolId);
        LocalDate today = schoolDay.of(schoolId).now().toLocalDate();
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return childrenOf(me).stream().map(p -> new ChildAttendance(p.id(), p.displayName(), p.form(),
                figures.pupil(me.school(), p.id(), WindowRequest.yearToDate()), monday, today,
                registers.marksOfPupil(me.school(), p.id(), monday, today).stream()
                        .map(m -> new MarkInWords(m.date(), m.session(), MarkWords.forParent(m.code()), m.minutesLate() > 0 ? m.minutesLate() : null,
                                uk.openattendance.register.domain.CodeCatalogue.on(m.code(), m.date()).map(c -> c.category().name()).orElse(null)))
                        .toList())).toList();
    }

    /** Letters sent about the parent's own children. */
    public List<LetterService.FamilyLetter> letters(Actor parent, long schoolId) {
        return letters.sentToFamily(scope(parent, schoolId));
    }

    /** The PDF of one of those letters; any other letter id is "not found". */
    public byte[] letterPdf(Actor parent, long schoolId, long letterId) {
        return letters.pdfForFamily(scope(parent, schoolId), letterId);
    }

    /** Texts and emails the school sent to this parent. */
    public List<Outbox.FamilyMessage> messages(Actor parent, long schoolId) {
        return outbox.sentToFamily(scope(parent, schoolId));
    }

    /** Absence reports about the parent's own children and where each stands. */
    public List<AbsenceService.FamilyReport> absenceReports(Actor parent, long schoolId) {
        return absences.reportsForFamily(scope(parent, schoolId));
    }

    @jakarta.transaction.Transactional
    public List<AbsenceReportView> report(Actor parent, long schoolId, ReportAbsence command, ReportChannel channel) {
        ParentScope me = scope(parent, schoolId);
        if (command == null || command.pupilIds() == null || !me.mayActForAll(command.pupilIds())) {
            throw new DomainProblem(ParentProblem.NOT_YOUR_CHILD, "pupilIds: expected the ids of your own children "
                    + "(GET .../parent/children lists them)", List.of(new FieldError("pupilIds", "your own children's ids")));
        }
        ContactView link = links(me).get(0);
        ReportAbsence mineOnly = new ReportAbsence(command.pupilIds(), command.firstDate(), command.firstSession(), command.lastDate(), command.lastSession(),
                command.expectedReturn(), command.category(), command.reason(), command.evidenceToFollow(), link.contactId());
        // acknowledged in the same transaction (StatusNotices hears AbsenceReported): the parent hears of a report that was kept, once
        return absences.reportFromFamily(me, mineOnly, channel, link.name() + " (" + link.relationship() + ", signed in)");
    }

    /** A leave request for one of the parent's own children; the parent is recorded as who asked, for the rules' advice. */
    @jakarta.transaction.Transactional
    public LeaveRequestView requestLeave(Actor parent, long schoolId, RequestLeave command) {
        ParentScope me = scope(parent, schoolId);
        if (command == null || command.pupilId() == null || !me.mayActFor(command.pupilId())) {
            throw new DomainProblem(ParentProblem.NOT_YOUR_CHILD, "pupilId: expected the id of your own child "
                    + "(GET .../parent/children lists them)", List.of(new FieldError("pupilId", "your own child's id")));
        }
        ContactView link = links(me).stream().filter(c -> c.pupilId() == command.pupilId()).findFirst().orElseThrow();
        RequestLeave asMe = new RequestLeave(command.pupilId(), command.ground(), command.firstDate(), command.firstSession(), command.lastDate(),
                command.lastSession(), command.reason(), command.festival(), link.contactId());
        LeaveRequestView made = leave.requestFromFamily(me, asMe, "WEB_FORM", link.name() + " (" + link.relationship() + ", signed in)");
        notices.leaveRequested(me.school(), LeaveService.family(made));
        return made;
    }

    /** The parent's children's leave requests, newest first, each with its reference and where it stands. */
    public List<LeaveService.FamilyLeave> myLeaveRequests(Actor parent, long schoolId) {
        ParentScope me = scope(parent, schoolId);
        return childrenOf(me).stream().flatMap(p -> leave.ofPupil(me.school(), p.id()).stream())
                .sorted(java.util.Comparator.comparing(LeaveRequestView::id).reversed()).map(LeaveService::family).toList();
    }

    /** A supporting document for a request the parent made for their own child. */
    public LeaveRequestView.Document attachToLeave(Actor parent, long schoolId, long requestId, String fileName, byte[] content) {
        ParentScope me = scope(parent, schoolId);
        LeaveRequestView request = leave.getForFamily(me, requestId);
        if (!me.mayActFor(request.pupilId())) {
            throw new DomainProblem(ParentProblem.NOT_YOUR_CHILD, "Request " + requestId + " is not for your child");
        }
        ContactView link = links(me).get(0);
        return leave.attach(me, requestId, fileName, content, link.name() + " (" + link.relationship() + ", signed in)");
    }

    /**
     * The one check of a parent: the children at this school they hold parental responsibility for, on roll today. Every
     * parent-facing method of another feature takes the scope this returns and reaches only those children.
     */
    ParentScope scope(Actor parent, long schoolId) {
        SchoolScope school = ParentScope.schoolOf(parent, schoolId,
                new DomainProblem(ParentProblem.NOT_YOUR_CHILD, "Sign in as a parent (one-time code) to use this"));
        List<ContactView> links = contacts.linksOfContact(school, parent.principalId());
        if (links.isEmpty()) {
            throw new DomainProblem(ParentProblem.NOT_YOUR_CHILD, "You have no children at this school");
        }
        List<Long> ids = links.stream().filter(c -> c.parentalResponsibility() && !c.noContact()).map(ContactView::pupilId).toList();
        LocalDate today = schoolDay.of(schoolId).now().toLocalDate();
        return ParentScope.of(school, pupils.pupilsByIds(school, ids).stream().filter(p -> p.onRollOn(today)).map(PupilView::id).toList());
    }

    private List<PupilView> childrenOf(ParentScope me) {
        return pupils.pupilsByIds(me.school(), me.pupilIds());
    }

    private List<ContactView> links(ParentScope me) {
        return contacts.linksOfContact(me.school(), me.contactId());
    }
}
