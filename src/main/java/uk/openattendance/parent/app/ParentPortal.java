package uk.openattendance.parent.app;

import jakarta.inject.Singleton;
import java.time.LocalDate;
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
import uk.openattendance.register.app.MarkView;
import uk.openattendance.register.app.RegisterService;
import uk.openattendance.register.app.SchoolDay;
import uk.openattendance.roll.app.ContactService;
import uk.openattendance.roll.app.ContactView;
import uk.openattendance.roll.app.PupilService;
import uk.openattendance.roll.app.PupilView;
import uk.openattendance.school.domain.Session;
import uk.openattendance.security.Actor;

/** What a signed-in parent may see and do: their own children at one school, and reporting their absence. */
@Singleton
public class ParentPortal {
    private static final Actor READER = Actor.system("parent portal");

    private final ContactService contacts;
    private final PupilService pupils;
    private final RegisterService registers;
    private final AbsenceService absences;
    private final SchoolDay schoolDay;
    private final LeaveService leave;

    public ParentPortal(ContactService contacts, PupilService pupils, RegisterService registers, AbsenceService absences, SchoolDay schoolDay,
            LeaveService leave) {
        this.leave = leave;
        this.contacts = contacts;
        this.pupils = pupils;
        this.registers = registers;
        this.absences = absences;
        this.schoolDay = schoolDay;
    }

    public record Child(long pupilId, String name, String form, String morningMark, String afternoonMark) {}

    public List<Child> children(Actor parent, long schoolId) {
        List<PupilView> kids = childrenOf(parent, schoolId);
        LocalDate today = schoolDay.of(schoolId).now().toLocalDate();
        Set<Long> ids = kids.stream().map(PupilView::id).collect(Collectors.toSet());
        Map<Long, MarkView> am = registers.currentMarks(READER, schoolId, today, Session.AM, ids);
        Map<Long, MarkView> pm = registers.currentMarks(READER, schoolId, today, Session.PM, ids);
        return kids.stream().map(p -> new Child(p.id(), p.displayName(), p.form(), am.containsKey(p.id()) ? am.get(p.id()).meaning() : null,
                pm.containsKey(p.id()) ? pm.get(p.id()).meaning() : null)).toList();
    }

    public List<AbsenceReportView> report(Actor parent, long schoolId, ReportAbsence command, ReportChannel channel) {
        Set<Long> mine = childrenOf(parent, schoolId).stream().map(PupilView::id).collect(Collectors.toSet());
        if (command == null || command.pupilIds() == null || !mine.containsAll(command.pupilIds())) {
            throw new DomainProblem(ParentProblem.NOT_YOUR_CHILD, "pupilIds: expected the ids of your own children "
                    + "(GET .../parent/children lists them)", List.of(new FieldError("pupilIds", "your own children's ids")));
        }
        ContactView me = link(parent, schoolId).get(0);
        ReportAbsence mineOnly = new ReportAbsence(command.pupilIds(), command.firstDate(), command.firstSession(), command.lastDate(), command.lastSession(),
                command.expectedReturn(), command.category(), command.reason(), command.evidenceToFollow(), me.contactId());
        return absences.reportFromFamily(schoolId, mineOnly, channel, me.name() + " (" + me.relationship() + ", signed in)", null);
    }

    /** A leave request for one of the parent's own children; the parent is recorded as who asked, for the rules' advice. */
    public LeaveRequestView requestLeave(Actor parent, long schoolId, RequestLeave command) {
        Set<Long> mine = childrenOf(parent, schoolId).stream().map(PupilView::id).collect(Collectors.toSet());
        if (command == null || command.pupilId() == null || !mine.contains(command.pupilId())) {
            throw new DomainProblem(ParentProblem.NOT_YOUR_CHILD, "pupilId: expected the id of your own child "
                    + "(GET .../parent/children lists them)", List.of(new FieldError("pupilId", "your own child's id")));
        }
        ContactView me = link(parent, schoolId).stream().filter(c -> c.pupilId() == command.pupilId()).findFirst().orElseThrow();
        RequestLeave asMe = new RequestLeave(command.pupilId(), command.ground(), command.firstDate(), command.firstSession(), command.lastDate(),
                command.lastSession(), command.reason(), command.festival(), me.contactId());
        return leave.requestFromFamily(schoolId, asMe, "WEB_FORM", me.name() + " (" + me.relationship() + ", signed in)");
    }

    public List<LeaveRequestView> myLeaveRequests(Actor parent, long schoolId) {
        return childrenOf(parent, schoolId).stream().flatMap(p -> leave.ofPupil(READER, schoolId, p.id()).stream()).toList();
    }

    /** A supporting document for a request the parent made for their own child. */
    public LeaveRequestView.Document attachToLeave(Actor parent, long schoolId, long requestId, String fileName, byte[] content) {
        LeaveRequestView request = leave.getForFamily(schoolId, requestId);
        Set<Long> mine = childrenOf(parent, schoolId).stream().map(PupilView::id).collect(Collectors.toSet());
        if (!mine.contains(request.pupilId())) {
            throw new DomainProblem(ParentProblem.NOT_YOUR_CHILD, "Request " + requestId + " is not for your child");
        }
        ContactView me = link(parent, schoolId).get(0);
        return leave.attach(schoolId, requestId, fileName, content, me.name() + " (" + me.relationship() + ", signed in)");
    }

    private List<PupilView> childrenOf(Actor parent, long schoolId) {
        List<Long> ids = link(parent, schoolId).stream().filter(c -> c.parentalResponsibility() && !c.noContact()).map(ContactView::pupilId).toList();
        LocalDate today = schoolDay.of(schoolId).now().toLocalDate();
        return pupils.pupilsByIds(READER, ids).stream().filter(p -> p.schoolId() == schoolId && p.onRollOn(today)).toList();
    }

    private List<ContactView> link(Actor parent, long schoolId) {
        if (parent.kind() != Actor.Kind.PARENT) {
            throw new DomainProblem(ParentProblem.NOT_YOUR_CHILD, "Sign in as a parent (one-time code) to use this");
        }
        List<ContactView> links = contacts.linksOfContact(READER, parent.principalId()).stream().filter(c -> c.schoolId() == schoolId).toList();
        if (links.isEmpty()) {
            throw new DomainProblem(ParentProblem.NOT_YOUR_CHILD, "You have no children at this school");
        }
        return links;
    }
}
