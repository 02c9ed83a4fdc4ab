package uk.openattendance.leave.app;

import io.swagger.v3.oas.annotations.media.Schema;
import uk.openattendance.register.domain.CodeSet;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import uk.openattendance.leave.domain.LeaveAdvice;
import uk.openattendance.leave.domain.LeaveAdvisor;
import uk.openattendance.leave.domain.LeaveGround;
import uk.openattendance.leave.domain.LeaveRequestStatus;
import uk.openattendance.leave.persistence.AssessmentPeriodRepository;
import uk.openattendance.leave.persistence.AssessmentPeriodRow;
import uk.openattendance.leave.persistence.LeaveDocumentRepository;
import uk.openattendance.leave.persistence.LeaveDocumentRow;
import uk.openattendance.leave.persistence.LeaveRequestRow;
import uk.openattendance.leave.persistence.LeaveStore.SessionRow;
import uk.openattendance.leave.persistence.LeaveStore;
import uk.openattendance.platform.problem.CommonProblem;
import uk.openattendance.platform.problem.DomainProblem;
import uk.openattendance.platform.problem.FieldError;
import uk.openattendance.register.app.AmendmentService;
import uk.openattendance.register.app.FiguresService;
import uk.openattendance.register.app.MarkView;
import uk.openattendance.register.app.RegisterService;
import uk.openattendance.register.app.SchoolDay;
import uk.openattendance.register.app.WindowRequest;
import uk.openattendance.register.domain.Figures;
import uk.openattendance.roll.app.ContactService;
import uk.openattendance.roll.app.ContactView;
import uk.openattendance.roll.app.PupilService;
import uk.openattendance.roll.app.PupilView;
import uk.openattendance.school.domain.DateWindow;
import uk.openattendance.school.domain.SchoolCalendar;
import uk.openattendance.school.domain.Session;
import uk.openattendance.security.Actor;
import uk.openattendance.security.ParentScope;
import uk.openattendance.security.Permission;
import uk.openattendance.security.SchoolScope;

/**
 * Leave of absence: a family (or the office for them) asks, the school's rules advise, the headteacher decides all,
 * part or none. Approved sessions pre-code the register through the planned-marks seam; refused leave the office
 * confirms was taken becomes G.
 */
@Singleton
public class LeaveService {
    static final int MAX_DAYS_AHEAD = 400;
    static final int MAX_DOCUMENT_BYTES = 4 * 1024 * 1024;
    static final int MAX_DOCUMENTS = 5;

    private final LeaveStore store;
    private final LeaveDocumentRepository documents;
    private final AssessmentPeriodRepository assessmentPeriods;
    private final PupilService pupils;
    private final ContactService contacts;
    private final FiguresService figures;
    private final RegisterService registers;
    private final AmendmentService amendments;
    private final SchoolDay schoolDay;
    private final ObjectMapper json;
    private final ApplicationEventPublisher<LeaveDecided> decided;
    private final Clock clock;

    public LeaveService(LeaveStore store, LeaveDocumentRepository documents, AssessmentPeriodRepository assessmentPeriods, PupilService pupils, ContactService contacts, FiguresService figures, RegisterService registers,
            AmendmentService amendments, SchoolDay schoolDay, ObjectMapper json, ApplicationEventPublisher<LeaveDecided> decided, Clock clock) {
        this.store = store;
        this.documents = documents;
        this.assessmentPeriods = assessmentPeriods;
        this.pupils = pupils;
        this.contacts = contacts;
        this.figures = figures;
        this.registers = registers;
        this.amendments = amendments;
        this.schoolDay = schoolDay;
        this.json = json;
        this.decided = decided;
        this.clock = clock;
    }

    /** The office recording a request made on paper or in person; who asked is one of the pupil's contacts. */
    @Transactional
    public LeaveRequestView request(Actor actor, long schoolId, @Valid RequestLeave command) {
        SchoolScope scope = actor.require(Permission.REGISTER_AMEND, schoolId, "School", schoolId);
        if (command.requesterContactId() == null) {
            throw DomainProblem.field(LeaveProblem.REQUEST_NOT_VALID, "requesterContactId", "the contact who asked (GET .../pupils/{id}/contacts lists them)");
        }
        return record(scope, command, "OFFICE", scope.describe());
    }

    /** A parent signed in with a one-time code, for one of their own children. */
    @Transactional
    public LeaveRequestView requestFromFamily(ParentScope parent, @Valid RequestLeave command, String channel, String who) {
        if (command.pupilId() == null || !parent.mayActFor(command.pupilId())) {
            throw DomainProblem.field(LeaveProblem.REQUEST_NOT_VALID, "pupilId", "the id of your own child");
        }
        return record(parent.school(), command, channel, who);
    }

    private LeaveRequestView record(SchoolScope scope, RequestLeave c, String channel, String by) {
        long schoolId = scope.schoolId();
        SchoolDay.Context ctx = schoolDay.of(schoolId);
        LocalDate today = ctx.now().toLocalDate();
        List<FieldError> errors = new ArrayList<>();
        PupilView pupil = pupils.pupilsByIds(scope, List.of(c.pupilId())).stream().findFirst().orElse(null);
        if (pupil == null) {
            errors.add(new FieldError("pupilId", "the id of a pupil on this school's roll"));
        }
        Session firstSession = c.firstSession() == null ? Session.AM : c.firstSession();
        Session lastSession = c.lastSession() == null ? Session.PM : c.lastSession();
        if (c.lastDate().isBefore(c.firstDate()) || c.lastDate().equals(c.firstDate()) && firstSession == Session.PM && lastSession == Session.AM) {
            errors.add(new FieldError("lastDate", "on or after firstDate (" + c.firstDate() + ")"));
        }
        if (c.firstDate().isBefore(today)) {
            errors.add(new FieldError("firstDate", "today (" + today + ") or later: leave is asked for in advance; past absence is a mark amendment"));
        }
        if (c.lastDate().isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
            errors.add(new FieldError("lastDate", "a date within " + MAX_DAYS_AHEAD + " days"));
        }
        ctx.calendar().whyClosed(c.firstDate()).ifPresent(why -> errors.add(new FieldError("firstDate", "a school day; " + why)));
        ctx.calendar().whyClosed(c.lastDate()).ifPresent(why -> errors.add(new FieldError("lastDate", "a school day; " + why)));
        if (c.ground() == LeaveGround.RELIGIOUS_OBSERVANCE && (c.festival() == null || c.festival().isBlank())) {
            errors.add(new FieldError("festival", "the festival or day of religious observance, e.g. Eid al-Fitr"));
        }
        ContactView requester = null;
        if (pupil != null && c.requesterContactId() != null) {
            requester = contacts.contactsOfPupils(scope, List.of(pupil.id())).getOrDefault(pupil.id(), List.of()).stream()
                    .filter(k -> k.contactId() == c.requesterContactId()).findFirst().orElse(null);
            if (requester == null) {
                errors.add(new FieldError("requesterContactId", "one of this pupil's contacts"));
            }
        }
        List<SessionRow> sessions = new ArrayList<>();
        if (errors.isEmpty()) {
            sessions = sessionsBetween(ctx.calendar(), pupil, c.firstDate(), firstSession, c.lastDate(), lastSession);
            if (sessions.isEmpty()) {
                errors.add(new FieldError("firstDate", "dates that include at least one open session"));
            }
        }
        if (!errors.isEmpty()) {
            throw new DomainProblem(LeaveProblem.REQUEST_NOT_VALID, errors.size() + " problem(s); nothing was recorded. First: " + errors.get(0).field() + ": "
                    + errors.get(0).expected(), errors);
        }
        LeaveAdvice advice = advise(scope, ctx, pupil, c, requester, sessions.size() / 2.0, today);
        LeaveRequestRow row = new LeaveRequestRow(0, schoolId, pupil.id(), c.ground().name(), c.firstDate(), firstSession.name(), c.lastDate(),
                lastSession.name(), c.reason().strip(), c.festival() == null ? null : c.festival().strip(), channel, c.requesterContactId(), by,
                clock.instant(), write(advice), LeaveRequestStatus.REQUESTED, null, null, null, null, null, 0);
        long id = store.insert(row);
        store.insertSessions(id, schoolId, pupil.id(), sessions);
        return view(store.byId(schoolId, id).orElseThrow(), pupil);
    }

    private LeaveAdvice advise(SchoolScope scope, SchoolDay.Context ctx, PupilView pupil, RequestLeave c, ContactView requester, double days, LocalDate today) {
        long schoolId = scope.schoolId();
        Figures year = figures.pupil(scope, pupil.id(), WindowRequest.yearToDate()).figures();
        BigDecimal authorisedPercent = year.possibleSessions() == 0 ? null
                : BigDecimal.valueOf(year.authorisedAbsence() * 100L).divide(BigDecimal.valueOf(year.possibleSessions()), 1, RoundingMode.HALF_UP);
        LocalDate firstTermEnds = pupil.startDate() == null ? null : ctx.calendar().endOfTermJoined(pupil.startDate());
        List<DateWindow> assessments = assessmentPeriods.findBySchoolIdOrderByStartsOn(schoolId).stream().map(a -> new DateWindow(a.name(), a.startsOn(), a.endsOn())).toList();
        double festivalDays = 0;
        double religiousDays = 0;
        String year0 = SchoolCalendar.academicYearOf(c.firstDate());
        for (LeaveRequestRow r : store.ofPupil(pupil.id())) {
            if (LeaveGround.RELIGIOUS_OBSERVANCE.name().equals(r.ground()) && year0.equals(SchoolCalendar.academicYearOf(r.firstDate()))
                    && r.status().approvedAny()) {
                double approved = store.sessions(r.id()).stream().filter(s -> Boolean.TRUE.equals(s.approved())).count() / 2.0;
                religiousDays += approved;
                if (c.festival() != null && c.festival().strip().equalsIgnoreCase(r.festival())) {
                    festivalDays += approved;
                }
            }
        }
        LeaveAdvisor.Facts facts = new LeaveAdvisor.Facts(c.ground(), c.firstDate(), c.lastDate(), days, today, firstTermEnds, assessments,
                year.unauthorisedAbsence(), authorisedPercent, festivalDays, religiousDays, requester == null || requester.parentalResponsibility(),
                requester == null || requester.livesWithPupil());
        return LeaveAdvisor.advise(schoolDay.policy(schoolId).leave(), facts);
    }

    /** The headteacher's decision; approved sessions already past (a late decision) recode their N marks at once. */
    @Transactional
    public LeaveRequestView decide(Actor actor, long schoolId, long id, @Valid DecideLeave d) {
        SchoolScope scope = actor.require(Permission.LEAVE_DECIDE, schoolId, "Leave request", id);
        LeaveRequestRow r = row(schoolId, id);
        if (r.status() != LeaveRequestStatus.REQUESTED) {
            throw new DomainProblem(LeaveProblem.ALREADY_DECIDED, "Request " + id + " is " + r.status() + " (by " + r.decidedBy() + ")");
        }
        if (d.version() != null && d.version() != r.version()) {
            throw new DomainProblem(LeaveProblem.ALREADY_DECIDED, "Request " + id + " changed since you read it (version " + d.version() + ", now "
                    + r.version() + "); read it again");
        }
        List<SessionRow> all = store.sessions(id);
        List<SessionRow> approved = switch (d.outcome()) {
            case APPROVE -> all;
            case REFUSE -> List.of();
            case APPROVE_PART -> part(all, d);
        };
        if (d.outcome() != DecideLeave.Outcome.APPROVE && (d.note() == null || d.note().isBlank())) {
            throw DomainProblem.field(LeaveProblem.DECISION_NOT_VALID, "note", "the reason for the decision, for the letter to the family");
        }
        LeaveRequestStatus status = switch (d.outcome()) {
            case APPROVE -> LeaveRequestStatus.APPROVED;
            case APPROVE_PART -> LeaveRequestStatus.PART_APPROVED;
            case REFUSE -> LeaveRequestStatus.REFUSED;
        };
        String by = actor.describeIn(schoolId);
        if (!store.decide(id, r.version(), status, by, clock.instant(), d.note() == null ? null : d.note().strip())) {
            throw new DomainProblem(LeaveProblem.ALREADY_DECIDED, "Request " + id + " was decided or changed while you were deciding; read it again");
        }
        store.setApproved(id, approved);
        LocalDate today = schoolDay.of(schoolId).now().toLocalDate();
        String code = LeaveGround.valueOf(r.ground()).code();
        List<AmendmentService.Explained> past = approved.stream().filter(s -> !s.date().isAfter(today))
                .map(s -> new AmendmentService.Explained(r.pupilId(), s.date(), Session.valueOf(s.session()), code)).toList();
        amendments.explainN(scope, past, "Leave approved by " + by + " (request " + id + ")");
        decided.publishEvent(new LeaveDecided(schoolId, id, r.pupilId(), status.name()));
        return get(actor, schoolId, id);
    }

    private static List<SessionRow> part(List<SessionRow> all, DecideLeave d) {
        if (d.approvedFromDate() == null || d.approvedToDate() == null) {
            throw DomainProblem.field(LeaveProblem.DECISION_NOT_VALID, d.approvedFromDate() == null ? "approvedFromDate" : "approvedToDate",
                    "the first and last approved dates, inside the request");
        }
        int from = key(d.approvedFromDate(), d.approvedFromSession() == null ? Session.AM : d.approvedFromSession());
        int to = key(d.approvedToDate(), d.approvedToSession() == null ? Session.PM : d.approvedToSession());
        List<SessionRow> approved = all.stream().filter(s -> key(s.date(), Session.valueOf(s.session())) >= from
                && key(s.date(), Session.valueOf(s.session())) <= to).toList();
        if (approved.isEmpty() || approved.size() == all.size()) {
            throw DomainProblem.field(LeaveProblem.DECISION_NOT_VALID, "approvedFromDate", "a part of the request's sessions (" + all.get(0).date()
                    + " to " + all.get(all.size() - 1).date() + "), not none or all of them; use REFUSE or APPROVE for those");
        }
        return approved;
    }

    private static int key(LocalDate date, Session s) {
        return (int) date.toEpochDay() * 2 + s.ordinal();
    }

    /**
     * The office confirms refused leave was taken: the refused sessions' N and O marks become G (unauthorised holiday),
     * as amendments with the reason kept. Marks that show attendance or another reason are left alone.
     */
    @Transactional
    public int confirmRefusedLeaveTaken(Actor actor, long schoolId, long id) {
        actor.require(Permission.REGISTER_AMEND, schoolId, "Leave request", id);
        LeaveRequestRow r = row(schoolId, id);
        if (r.status() != LeaveRequestStatus.REFUSED && r.status() != LeaveRequestStatus.PART_APPROVED) {
            throw new DomainProblem(LeaveProblem.DECISION_NOT_VALID, "Only refused or part-approved leave can be confirmed as taken; request " + id + " is "
                    + r.status());
        }
        LocalDate today = schoolDay.of(schoolId).now().toLocalDate();
        List<AmendmentService.Explained> refused = store.sessions(id).stream().filter(s -> Boolean.FALSE.equals(s.approved()) && !s.date().isAfter(today))
                .map(s -> new AmendmentService.Explained(r.pupilId(), s.date(), Session.valueOf(s.session()), "G")).toList();
        int changed = amendments.recodeAbsences(actor, schoolId, refused, CodeSet.WITHOUT_REASON.codes(), "Leave refused (request " + id + ") and taken: "
                + "confirmed by the office");
        store.confirmTaken(id, actor.describeIn(schoolId), clock.instant());
        return changed;
    }

    @Transactional
    public LeaveRequestView withdraw(Actor actor, long schoolId, long id) {
        actor.require(Permission.REGISTER_AMEND, schoolId, "Leave request", id);
        if (!store.withdraw(id, actor.describeIn(schoolId), clock.instant())) {
            throw new DomainProblem(LeaveProblem.ALREADY_DECIDED, "Request " + id + " has been decided; it can no longer be withdrawn");
        }
        return get(actor, schoolId, id);
    }

    public LeaveRequestView get(Actor actor, long schoolId, long id) {
        return get(actor.require(Permission.ATTENDANCE_READ, schoolId, "Leave request", id), id);
    }

    public LeaveRequestView get(SchoolScope scope, long id) {
        long schoolId = scope.schoolId();
        LeaveRequestRow r = row(schoolId, id);
        return view(r, pupils.pupil(scope, r.pupilId()));
    }

    /** A request and where it stands for the family; {@code status.reference} is what they quote to the office. */
    @io.swagger.v3.oas.annotations.media.Schema(example = "{\"request\": {\"id\": 77, \"schoolId\": 3, \"pupilId\": 42, \"pupilName\": \"Nia Fenwright\", \"ground\": \"RELIGIOUS_OBSERVANCE\", \"code\": \"R\", \"firstDate\": \"2027-03-30\", \"firstSession\": \"AM\", \"lastDate\": \"2027-03-30\", \"lastSession\": \"PM\", \"schoolDays\": 1.0, \"reason\": \"Eid al-Fitr with the family\", \"festival\": \"Eid al-Fitr\", \"channel\": \"PARENT_APP\", \"requesterContactId\": 118, \"requestedBy\": \"parent:118\", \"requestedAt\": \"2027-03-01T19:02:00Z\", \"advice\": {\"leaning\": \"NO_CONCERNS\", \"points\": [{\"rule\": \"religious-observance\", \"weight\": \"NOTE\", \"reason\": \"A day set apart for religious observance by the family's religious body\"}]}, \"status\": \"REQUESTED\", \"sessions\": [{\"date\": \"2027-03-30\", \"session\": \"AM\"}, {\"date\": \"2027-03-30\", \"session\": \"PM\"}], \"documents\": [], \"version\": 1}, \"status\": {\"reference\": \"L77\", \"status\": \"APPROVED\", \"words\": \"Approved\", \"note\": \"Enjoy the celebration; please make sure homework is caught up.\"}}")
    public record FamilyLeave(LeaveRequestView request, uk.openattendance.leave.domain.FamilyLeaveStatus status) {}

    public static FamilyLeave family(LeaveRequestView v) {
        return new FamilyLeave(v, uk.openattendance.leave.domain.FamilyLeaveStatus.of(v.id(), LeaveRequestStatus.valueOf(v.status()), LeaveGround.valueOf(v.ground()),
                v.decisionNote(), v.documents().size()));
    }

    /** For a signed-in parent: a request for one of their own children; any other is "not found". */
    public LeaveRequestView getForFamily(ParentScope parent, long id) {
        LeaveRequestRow r = familyRow(parent, id);
        return view(r, pupils.pupil(parent.school(), r.pupilId()));
    }

    private LeaveRequestRow familyRow(ParentScope parent, long id) {
        LeaveRequestRow r = row(parent.schoolId(), id);
        if (!parent.mayActFor(r.pupilId())) {
            throw CommonProblem.notFound("Leave request", id);
        }
        return r;
    }

    public List<LeaveRequestView> list(Actor actor, long schoolId, String status) {
        SchoolScope scope = actor.require(Permission.ATTENDANCE_READ, schoolId, "School", schoolId);
        List<LeaveRequestRow> rows = store.ofSchool(schoolId, status, 500);
        Map<Long, PupilView> roll = pupils.pupilsByIds(scope, rows.stream().map(LeaveRequestRow::pupilId).distinct().toList()).stream()
                .collect(Collectors.toMap(PupilView::id, Function.identity()));
        return rows.stream().map(r -> view(r, roll.get(r.pupilId()))).toList();
    }

    public List<LeaveRequestView> ofPupil(Actor actor, long schoolId, long pupilId) {
        return ofPupil(actor.require(Permission.ATTENDANCE_READ, schoolId, "Pupil", pupilId), pupilId);
    }

    public List<LeaveRequestView> ofPupil(SchoolScope scope, long pupilId) {
        long schoolId = scope.schoolId();
        PupilView p = pupils.pupil(scope, pupilId);
        return store.ofPupil(pupilId).stream().map(r -> view(r, p)).toList();
    }

    /** Attaches a supporting document: PDF, JPEG or PNG, checked by its first bytes, up to 4 MB, five per request. */
    @Transactional
    public LeaveRequestView.Document attach(ParentScope parent, long id, String fileName, byte[] content, String by) {
        familyRow(parent, id);
        return attach(parent.schoolId(), id, fileName, content, by);
    }

    private LeaveRequestView.Document attach(long schoolId, long id, String fileName, byte[] content, String by) {
        row(schoolId, id);
        if (content == null || content.length == 0) {
            throw DomainProblem.field(LeaveProblem.DOCUMENT_NOT_ACCEPTED, "file", "a PDF, JPEG or PNG file (it was empty)");
        }
        if (content.length > MAX_DOCUMENT_BYTES) {
            throw DomainProblem.field(LeaveProblem.DOCUMENT_TOO_LARGE, "file", "at most 4 MB (it was " + content.length / 1024 + " KB)");
        }
        String type = sniff(content);
        if (type == null) {
            throw DomainProblem.field(LeaveProblem.DOCUMENT_NOT_ACCEPTED, "file", "a PDF, JPEG or PNG file (its content is none of these)");
        }
        if (documents.findByRequestIdOrderById(id).size() >= MAX_DOCUMENTS) {
            throw DomainProblem.field(LeaveProblem.DOCUMENT_NOT_ACCEPTED, "file", "at most " + MAX_DOCUMENTS + " documents per request");
        }
        String name = fileName == null || fileName.isBlank() ? "document" : fileName.replaceAll("[^\\p{L}\\p{N} ._()-]", "_");
        name = name.length() > 200 ? name.substring(0, 200) : name;
        String sha = sha256(content);
        long docId = documents.save(new LeaveDocumentRow(null, id, name, type, content.length, sha, content, by, clock.instant())).id();
        return documents.findByRequestIdOrderById(id).stream().filter(d -> d.id() == docId).findFirst()
                .map(d -> new LeaveRequestView.Document(d.id(), d.fileName(), d.contentType(), d.sizeBytes(), d.sha256(), d.uploadedBy(), d.uploadedAt()))
                .orElseThrow();
    }

    public LeaveRequestView.Document attachByStaff(Actor actor, long schoolId, long id, String fileName, byte[] content) {
        actor.require(Permission.REGISTER_AMEND, schoolId, "Leave request", id);
        return attach(schoolId, id, fileName, content, actor.describeIn(schoolId));
    }

    public record DocumentContent(String fileName, String contentType, byte[] content) {}

    public DocumentContent document(Actor actor, long schoolId, long id, long documentId) {
        actor.require(Permission.ATTENDANCE_READ, schoolId, "Leave request", id);
        row(schoolId, id);
        LeaveDocumentRow d = documents.findByRequestIdAndId(id, documentId)
                .orElseThrow(() -> new DomainProblem(LeaveProblem.NOT_FOUND, "No document " + documentId + " on request " + id));
        return new DocumentContent(d.fileName(), d.contentType(), d.content());
    }

    @Schema(example = "{\"id\": 4, \"name\": \"KS2 SATs week\", \"startsOn\": \"2027-05-10\", \"endsOn\": \"2027-05-13\"}")
    public record AssessmentPeriod(long id, String name, LocalDate startsOn, LocalDate endsOn) {}

    @Transactional
    public AssessmentPeriod addAssessmentPeriod(Actor actor, long schoolId, String name, LocalDate from, LocalDate to) {
        actor.require(Permission.SCHOOL_ADMIN, schoolId, "School", schoolId);
        List<FieldError> errors = new ArrayList<>();
        if (name == null || name.isBlank() || name.length() > 100) {
            errors.add(new FieldError("name", "a name of up to 100 characters, e.g. KS2 SATs week"));
        }
        if (from == null || to == null || to.isBefore(from)) {
            errors.add(new FieldError(from == null ? "startsOn" : "endsOn", "startsOn and endsOn, with endsOn on or after startsOn"));
        }
        if (!errors.isEmpty()) {
            throw new DomainProblem(LeaveProblem.REQUEST_NOT_VALID, "Assessment period not recorded: " + errors.get(0).field() + ": " + errors.get(0).expected(),
                    errors);
        }
        long id = assessmentPeriods.save(new AssessmentPeriodRow(null, schoolId, name.strip(), from, to)).id();
        return new AssessmentPeriod(id, name.strip(), from, to);
    }

    public List<AssessmentPeriod> assessmentPeriods(Actor actor, long schoolId) {
        actor.require(Permission.SCHOOL_READ, schoolId, "School", schoolId);
        return assessmentPeriods.findBySchoolIdOrderByStartsOn(schoolId).stream().map(a -> new AssessmentPeriod(a.id(), a.name(), a.startsOn(), a.endsOn()))
                .toList();
    }

    /** An absence next to a leave period that the leave does not cover: the office asks the family for evidence. */
    @Schema(example = "{\"requestId\": 77, \"pupilId\": 42, \"pupilName\": \"Nia Fenwright\", \"date\": \"2027-03-31\", \"session\": \"AM\", \"code\": \"I\", \"why\": \"Ill the morning after approved leave for Eid al-Fitr: ask the family for evidence\"}")
    public record EvidencePrompt(long requestId, long pupilId, String pupilName, LocalDate date, String session, String code, String why) {}

    /**
     * Absences on the school day before or after approved leave (or its approved part) that nothing explains yet: the
     * 'extra days' families add either side of a holiday, for which schools ask for evidence.
     */
    public List<EvidencePrompt> evidencePrompts(Actor actor, long schoolId, LocalDate from, LocalDate to) {
        SchoolScope scope = actor.require(Permission.ATTENDANCE_READ, schoolId, "School", schoolId);
        SchoolCalendar calendar = schoolDay.of(schoolId).calendar();
        List<EvidencePrompt> out = new ArrayList<>();
        for (LeaveRequestRow r : store.ofSchool(schoolId, null, 500)) {
            if (!r.status().approvedAny() || r.lastDate().isBefore(from.minusDays(14)) || r.firstDate().isAfter(to.plusDays(14))) {
                continue;
            }
            List<SessionRow> approved = store.sessions(r.id()).stream().filter(s -> Boolean.TRUE.equals(s.approved())).toList();
            if (approved.isEmpty()) {
                continue;
            }
            LocalDate before = previousSchoolDay(calendar, approved.get(0).date());
            LocalDate after = calendar.addSchoolDays(approved.get(approved.size() - 1).date(), 1).orElse(null);
            PupilView p = pupils.pupil(scope, r.pupilId());
            for (LocalDate day : new LocalDate[] {before, after}) {
                if (day == null || day.isBefore(from) || day.isAfter(to)) {
                    continue;
                }
                for (MarkView m : registers.marksOfPupil(scope, r.pupilId(), day, day)) {
                    if (isUnexplainedAbsence(m.code(), m.date())) {
                        out.add(new EvidencePrompt(r.id(), r.pupilId(), p.displayName(), day, m.session(), m.code(), "Absent on the school day "
                                + (day.isBefore(approved.get(0).date()) ? "before" : "after") + " approved leave (request " + r.id()
                                + "): ask the family for evidence"));
                    }
                }
            }
        }
        return out;
    }

    /**
     * An absence beside approved leave that the school asks evidence for: any unauthorised absence, and illness (I) or
     * an appointment (M), the reasons a family most often gives for stretching a holiday.
     */
    private static boolean isUnexplainedAbsence(String code, LocalDate date) {
        return CodeSet.UNAUTHORISED.contains(code, date) || "I".equals(code) || "M".equals(code);
    }

    private static LocalDate previousSchoolDay(SchoolCalendar calendar, LocalDate date) {
        LocalDate d = date.minusDays(1);
        for (int i = 0; i < 30; i++, d = d.minusDays(1)) {
            if (calendar.isSchoolDay(d)) {
                return d;
            }
        }
        return null;
    }

    private LeaveRequestRow row(long schoolId, long id) {
        return store.byId(schoolId, id).orElseThrow(() -> new DomainProblem(LeaveProblem.NOT_FOUND, "No leave request " + id + " at school " + schoolId));
    }

    private static List<SessionRow> sessionsBetween(SchoolCalendar calendar, PupilView pupil, LocalDate first, Session firstSession, LocalDate last,
            Session lastSession) {
        List<SessionRow> out = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            for (Session s : Session.values()) {
                boolean inside = !(d.equals(first) && s.ordinal() < firstSession.ordinal()) && !(d.equals(last) && s.ordinal() > lastSession.ordinal());
                if (inside && calendar.isSessionOpen(d, s, pupil.registerGroupId())) {
                    out.add(new SessionRow(0, pupil.id(), d, s.name(), null));
                }
            }
        }
        return out;
    }

    private static String sniff(byte[] b) {
        if (b.length >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-') {
            return "application/pdf";
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return "image/jpeg";
        }
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "image/png";
        }
        return null;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(LeaveAdvice advice) {
        try {
            return json.writeValueAsString(advice);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private LeaveAdvice read(String advice) {
        try {
            return json.readValue(advice, LeaveAdvice.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    LeaveRequestView view(LeaveRequestRow r, PupilView p) {
        List<SessionRow> sessions = store.sessions(r.id());
        return new LeaveRequestView(r.id(), r.schoolId(), r.pupilId(), p == null ? null : p.displayName(), r.ground(),
                LeaveGround.valueOf(r.ground()).code(), r.firstDate(), r.firstSession(), r.lastDate(), r.lastSession(), sessions.size() / 2.0, r.reason(),
                r.festival(), r.channel(), r.requesterContactId(), r.requestedBy(), r.requestedAt(), read(r.advice()), r.status().name(), r.decidedBy(),
                r.decidedAt(), r.decisionNote(), r.takenConfirmedBy(), r.takenConfirmedAt(),
                sessions.stream().map(s -> new LeaveRequestView.SessionState(s.date(), s.session(), s.approved())).toList(),
                documents.findByRequestIdOrderById(r.id()).stream().map(d -> new LeaveRequestView.Document(d.id(), d.fileName(), d.contentType(), d.sizeBytes(), d.sha256(),
                        d.uploadedBy(), d.uploadedAt())).toList(), r.version());
    }
}
