package uk.openattendance.absence.app;

import io.swagger.v3.oas.annotations.media.Schema;
import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import uk.openattendance.absence.domain.ReportChannel;
import uk.openattendance.absence.domain.ReportSpan;
import uk.openattendance.absence.persistence.AbsenceReportRow;
import uk.openattendance.absence.persistence.AbsenceReportStatus;
import uk.openattendance.absence.persistence.AbsenceReportStore;
import uk.openattendance.platform.problem.DomainProblem;
import uk.openattendance.platform.problem.FieldError;
import uk.openattendance.register.app.AmendmentService;
import uk.openattendance.register.app.MarkView;
import uk.openattendance.register.app.RegisterService;
import uk.openattendance.register.app.SchoolDay;
import uk.openattendance.roll.app.ContactService;
import uk.openattendance.roll.app.PupilService;
import uk.openattendance.roll.app.PupilView;
import uk.openattendance.school.domain.Session;
import uk.openattendance.security.Actor;
import uk.openattendance.security.ParentScope;
import uk.openattendance.security.Permission;
import uk.openattendance.security.SchoolScope;

/**
 * Absence reports from every channel. A report explains the sessions it covers: N marks already taken there become
 * the suggested code (an amendment by the system, reason kept), later registers are pre-coded through the register's
 * planned-marks seam, and the first-day chain leaves the child alone.
 */
@Singleton
public class AbsenceService {
    static final int MAX_DAYS_BACK = 14;
    static final int MAX_DAYS_AHEAD = 60;

    private final AbsenceReportStore store;
    private final PupilService pupils;
    private final ContactService contacts;
    private final AmendmentService amendments;
    private final RegisterService registers;
    private final SchoolDay schoolDay;
    private final Clock clock;
    private final ApplicationEventPublisher<AbsenceReported> reported;
    private final uk.openattendance.platform.sync.ChangeRows changes;
    private final uk.openattendance.platform.sync.ChangeFeeds feeds;
    private final uk.openattendance.roll.app.RollSync rollSync;

    public AbsenceService(AbsenceReportStore store, PupilService pupils, ContactService contacts, AmendmentService amendments, RegisterService registers,
            SchoolDay schoolDay, Clock clock, ApplicationEventPublisher<AbsenceReported> reported, uk.openattendance.platform.sync.ChangeRows changes,
            uk.openattendance.platform.sync.ChangeFeeds feeds, uk.openattendance.roll.app.RollSync rollSync) {
        this.reported = reported;
        this.changes = changes;
        this.feeds = feeds;
        this.rollSync = rollSync;
        this.store = store;
        this.pupils = pupils;
        this.contacts = contacts;
        this.amendments = amendments;
        this.registers = registers;
        this.schoolDay = schoolDay;
        this.clock = clock;
    }

    /** Staff logging a call, an email or a visit; the parent app and web form come through {@link #reportFromFamily}. */
    @Transactional
    public List<AbsenceReportView> report(Actor actor, long schoolId, @Valid ReportAbsence command, ReportChannel channel) {
        SchoolScope scope = actor.require(Permission.REGISTER_AMEND, schoolId, "School", schoolId);
        return record(scope, scope.describe(), command, channel, null, true, null, AbsenceReported.By.OFFICE);
    }

    /** A signed-in parent's report (web form, app), for their own children only. */
    @Transactional
    public List<AbsenceReportView> reportFromFamily(ParentScope parent, @Valid ReportAbsence command, ReportChannel channel, String who) {
        if (command.pupilIds() == null || !parent.mayActForAll(command.pupilIds())) {
            throw DomainProblem.field(AbsenceProblem.REPORT_NOT_VALID, "pupilIds", "the ids of your own children");
        }
        return record(parent.school(), "system: " + who, command, channel, null, false, null, AbsenceReported.By.SIGNED_IN_FAMILY);
    }

    /** A family's text reply, read by the SMS-reply job, which has already established who sent it. */
    @Transactional
    public List<AbsenceReportView> reportFromFamily(SchoolScope smsReply, @Valid ReportAbsence command, ReportChannel channel, String who, Long inboundSmsId) {
        return record(smsReply, "system: " + who, command, channel, inboundSmsId, false, null, AbsenceReported.By.FAMILY_TEXT);
    }

    /**
     * The office accepting what a text reply suggested for a child: recorded as the office's report on the reply's
     * channel, with the suggested code even when it is one only a person gives (C for a bereavement, G for a holiday).
     * {@code inboundSmsId}: the text, when nothing of this child's reading was recorded from it before (the key that
     * lets one text give at most one report per child); null for the rest of an absence whose first days were.
     */
    @Transactional
    public List<AbsenceReportView> acceptFromReply(SchoolScope office, @Valid ReportAbsence command, String code, Long inboundSmsId) {
        return record(office, office.describe() + ", accepting a parent's reply", command, ReportChannel.SMS_REPLY, inboundSmsId, false, code,
                AbsenceReported.By.OFFICE);
    }

    /**
     * {@code contactFromCaller}: the contact id came in a request body (staff), not from a sign-in or a matched number.
     * {@code code}: the code to give, when not the category's own suggestion (the office accepting a C or G).
     */
    private List<AbsenceReportView> record(SchoolScope scope, String by, ReportAbsence c, ReportChannel channel, Long inboundSmsId, boolean contactFromCaller,
            String code, AbsenceReported.By madeBy) {
        long schoolId = scope.schoolId();
        SchoolDay.Context ctx = schoolDay.of(schoolId);
        LocalDate today = ctx.now().toLocalDate();
        List<FieldError> errors = new ArrayList<>();
        Map<Long, PupilView> roll = pupils.pupilsByIds(scope, c.pupilIds()).stream()
                .collect(Collectors.toMap(PupilView::id, Function.identity()));
        for (int i = 0; i < c.pupilIds().size(); i++) {
            if (!roll.containsKey(c.pupilIds().get(i))) {
                errors.add(new FieldError("pupilIds[" + i + "]", "the id of a pupil on this school's roll"));
            }
        }
        if (new HashSet<>(c.pupilIds()).size() != c.pupilIds().size()) {
            errors.add(new FieldError("pupilIds", "each child once"));
        }
        LocalDate last = c.lastDate();
        if (last == null && c.expectedReturn() != null) {
            if (!c.expectedReturn().isAfter(c.firstDate())) {
                errors.add(new FieldError("expectedReturn", "a date after firstDate (" + c.firstDate() + ")"));
            }
            last = c.expectedReturn().minusDays(1);
            while (last.isAfter(c.firstDate()) && !ctx.calendar().isSchoolDay(last)) {
                last = last.minusDays(1);
            }
        }
        if (last == null) {
            last = c.firstDate();
        }
        ReportSpan span = new ReportSpan(c.firstDate(), c.firstSession() == null ? Session.AM : c.firstSession(), last,
                c.lastSession() == null ? Session.PM : c.lastSession());
        if (last.isBefore(c.firstDate())) {
            if (c.lastDate() != null) {
                errors.add(new FieldError("lastDate", "on or after firstDate (" + c.firstDate() + ")"));
            }
        } else if (!span.inOrder()) {
            // the one same-day order a family can get wrong: from the afternoon, until the end of that morning
            errors.add(new FieldError("lastSession", "PM when firstSession is PM on the same day (" + c.firstDate() + "): an absence from the afternoon "
                    + "cannot end that morning"));
        }
        if (c.firstDate().isBefore(today.minusDays(MAX_DAYS_BACK))) {
            errors.add(new FieldError("firstDate", "a date within the last " + MAX_DAYS_BACK + " days; older absences are changed as mark amendments"));
        }
        if (last.isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
            errors.add(new FieldError("lastDate", "a date within " + MAX_DAYS_AHEAD + " days; longer planned absences are leave requests"));
        }
        if (c.expectedReturn() != null && !c.expectedReturn().isAfter(last)) {
            errors.add(new FieldError("expectedReturn", "a date after the last day of absence (" + last + ")"));
        }
        if (errors.isEmpty() && contactFromCaller && c.contactId() != null) {
            contacts.requireContactOf(scope, c.pupilIds(), c.contactId(), AbsenceProblem.REPORT_NOT_VALID, "contactId");
        }
        if (!errors.isEmpty()) {
            throw new DomainProblem(AbsenceProblem.REPORT_NOT_VALID, errors.size() + " problem(s); nothing was recorded. First: " + errors.get(0).field()
                    + ": " + errors.get(0).expected(), errors);
        }
        String group = UUID.randomUUID().toString();
        List<AbsenceReportRow> rows = new ArrayList<>();
        for (Long pupilId : c.pupilIds()) {
            rows.add(new AbsenceReportRow(0, schoolId, group, pupilId, span.firstDate(), span.firstSession().name(), span.lastDate(), span.lastSession().name(),
                    c.expectedReturn(), c.category().name(), code != null ? code : c.category().suggestedCode(), c.reason().strip(), channel.name(), c.contactId(),
                    Boolean.TRUE.equals(c.evidenceToFollow()), AbsenceReportStatus.ACTIVE, by, clock.instant(), inboundSmsId));
        }
        List<Long> ids = store.insert(rows);

        boolean eachDay = schoolDay.policy(schoolId).firstDay().reportEachDay();
        List<AbsenceReportRow> stored = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            AbsenceReportRow r = rows.get(i);
            if (r.suggestedCode() != null) {
                List<AmendmentService.Explained> sessions = new ArrayList<>();
                LocalDate end = span.lastDate().isBefore(today) ? span.lastDate() : today;
                for (LocalDate d = span.firstDate(); !d.isAfter(end); d = d.plusDays(1)) {
                    for (Session s : Session.values()) {
                        if (span.explains(d, s, eachDay, today)) {
                            sessions.add(new AmendmentService.Explained(r.pupilId(), d, s, r.suggestedCode()));
                        }
                    }
                }
                amendments.explainN(scope, sessions, channelWords(channel) + ": " + shorten(r.reason()));
            }
            stored.add(withId(r, ids.get(i)));
        }
        reported.publishEvent(new AbsenceReported(schoolId, stored.stream().map(r -> new AbsenceReported.Report(r.id(), r.pupilId(), r.firstDate(),
                r.lastDate(), r.suggestedCode())).toList(), channel.name(), madeBy));
        return views(scope, stored, roll);
    }

    /**
     * Reports as the office and the family see them. {@code marksExplained} counts the sessions the report explains
     * (under the report-each-day rule) whose current mark carries its code, however the mark got there: amended when
     * the report came, pre-coded on the register, or an N turned into the code when the teacher entered it later.
     * Every channel (REST, GraphQL, the parents' endpoints) reads it from here.
     */
    private List<AbsenceReportView> views(SchoolScope scope, List<AbsenceReportRow> rows, Map<Long, PupilView> roll) {
        if (rows.isEmpty()) {
            return List.of();
        }
        long schoolId = scope.schoolId();
        SchoolDay.Context ctx = schoolDay.of(schoolId);
        LocalDate today = ctx.now().toLocalDate();
        boolean eachDay = schoolDay.policy(schoolId).firstDay().reportEachDay();
        LocalDate from = rows.stream().map(AbsenceReportRow::firstDate).min(LocalDate::compareTo).orElseThrow();
        LocalDate last = rows.stream().map(AbsenceReportRow::lastDate).max(LocalDate::compareTo).orElseThrow();
        LocalDate to = last.isBefore(today) ? last : today;
        Map<String, String> codes = new java.util.HashMap<>();
        if (!from.isAfter(to)) {
            for (MarkView m : registers.marksOfPupils(scope, rows.stream().map(AbsenceReportRow::pupilId).distinct().toList(), from, to)) {
                codes.put(m.pupilId() + "|" + m.date() + "|" + m.session(), m.code());
            }
        }
        List<AbsenceReportView> views = new ArrayList<>();
        for (AbsenceReportRow r : rows) {
            int explained = 0;
            if (r.suggestedCode() != null) {
                ReportSpan span = span(r);
                LocalDate reportedOn = r.recordedAt().atZone(ctx.zone()).toLocalDate();
                LocalDate end = r.lastDate().isBefore(today) ? r.lastDate() : today;
                for (LocalDate d = r.firstDate(); !d.isAfter(end); d = d.plusDays(1)) {
                    for (Session s : Session.values()) {
                        if (span.explains(d, s, eachDay, reportedOn) && r.suggestedCode().equals(codes.get(r.pupilId() + "|" + d + "|" + s.name()))) {
                            explained++;
                        }
                    }
                }
            }
            views.add(view(r, roll.get(r.pupilId()), explained));
        }
        return views;
    }

    private static AbsenceReportRow withId(AbsenceReportRow r, long id) {
        return new AbsenceReportRow(id, r.schoolId(), r.reportGroup(), r.pupilId(), r.firstDate(), r.firstSession(), r.lastDate(), r.lastSession(),
                r.expectedReturn(), r.category(), r.suggestedCode(), r.reason(), r.channel(), r.contactId(), r.evidenceToFollow(), r.status(), r.recordedBy(),
                r.recordedAt(), r.inboundSmsId());
    }

    /** Pupils of these whose absence in this session a report explains, under the school's report-each-day rule. */
    public Set<Long> explained(SchoolScope scope, LocalDate date, Session session, Collection<Long> pupilIds) {
        long schoolId = scope.schoolId();
        boolean eachDay = schoolDay.policy(schoolId).firstDay().reportEachDay();
        ZoneId zone = schoolDay.of(schoolId).zone();
        Set<Long> wanted = new HashSet<>(pupilIds);
        return store.touching(schoolId, date, date).stream().filter(r -> wanted.isEmpty() || wanted.contains(r.pupilId()))
                .filter(r -> span(r).explains(date, session, eachDay, r.recordedAt().atZone(zone).toLocalDate()))
                .map(AbsenceReportRow::pupilId).collect(Collectors.toSet());
    }

    /** Reports whose span touches a date: the office's morning list. */
    public List<AbsenceReportView> reportsOn(Actor actor, long schoolId, LocalDate date) {
        SchoolScope scope = actor.require(Permission.ATTENDANCE_READ, schoolId, "School", schoolId);
        List<AbsenceReportRow> rows = store.touching(schoolId, date, date);
        Map<Long, PupilView> roll = pupils.pupilsByIds(scope, rows.stream().map(AbsenceReportRow::pupilId).distinct().toList()).stream()
                .collect(Collectors.toMap(PupilView::id, Function.identity()));
        return views(scope, rows, roll);
    }

    @Schema(example = "{\"changedAt\": \"2026-11-23T07:42:10Z\", \"pupilExternalId\": \"MIS-100482\", \"report\": {\"id\": 501, \"reportGroup\": \"rg_7f3a\", \"pupilId\": 42, \"pupilName\": \"Nia Fenwright\", \"firstDate\": \"2026-11-23\", \"firstSession\": \"AM\", \"lastDate\": \"2026-11-24\", \"lastSession\": \"PM\", \"category\": \"ILLNESS\", \"suggestedCode\": \"I\", \"reason\": \"Nia has a temperature and is staying in bed\", \"channel\": \"PARENT_APP\", \"contactId\": 119, \"evidenceToFollow\": false, \"marksExplained\": 2, \"recordedBy\": \"parent:119\", \"recordedAt\": \"2026-11-23T07:42:10Z\"}}")
    public record ReportChange(java.time.Instant changedAt, @io.micronaut.core.annotation.Nullable String pupilExternalId, AbsenceReportView report) {}

    /** Reports recorded or changed after the cursor (or since {@code updatedSince}), oldest change first: the MIS's feed. */
    public uk.openattendance.platform.sync.ChangePage<ReportChange> reportChanges(Actor actor, long schoolId, String cursor, java.time.Instant updatedSince,
            Integer size) {
        SchoolScope scope = actor.require(Permission.ATTENDANCE_READ, schoolId, "School", schoolId);
        int n = uk.openattendance.platform.sync.ChangeFeeds.size(size);
        uk.openattendance.platform.sync.ChangeCursor after = uk.openattendance.platform.sync.ChangeCursor.from(cursor, updatedSince);
        List<uk.openattendance.platform.sync.ChangeRows.Changed> changed = changes.after("SELECT id, changed_at AS stamp FROM absence_report WHERE school_id = :school",
                schoolId, after, feeds.settleMicros(), n + 1);
        List<AbsenceReportRow> rows = store.byIds(changed.stream().map(uk.openattendance.platform.sync.ChangeRows.Changed::id).toList());
        Map<Long, PupilView> roll = pupils.pupilsByIds(scope, rows.stream().map(AbsenceReportRow::pupilId).distinct().toList()).stream()
                .collect(Collectors.toMap(PupilView::id, Function.identity()));
        Map<Long, AbsenceReportView> views = views(scope, rows, roll).stream().collect(Collectors.toMap(AbsenceReportView::id, Function.identity()));
        Map<Long, String> ext = rollSync.pupilExternalIds(scope, roll.keySet());
        return uk.openattendance.platform.sync.ChangePage.of(changed, n, after, uk.openattendance.platform.sync.ChangeRows.Changed::stamp, uk.openattendance.platform.sync.ChangeRows.Changed::id,
                c -> new ReportChange(c.changedAt(), ext.get(views.get(c.id()).pupilId()), views.get(c.id())));
    }

    /** One report of the school, read with {@link #reportsOn}'s permission; another school's report is not found. */
    public AbsenceReportView report(Actor actor, long schoolId, long id) {
        SchoolScope scope = actor.require(Permission.ATTENDANCE_READ, schoolId, "School", schoolId);
        List<AbsenceReportRow> rows = store.byIds(List.of(id)).stream().filter(r -> r.schoolId() == schoolId).toList();
        Map<Long, PupilView> roll = pupils.pupilsByIds(scope, rows.stream().map(AbsenceReportRow::pupilId).distinct().toList()).stream()
                .collect(Collectors.toMap(PupilView::id, Function.identity()));
        return views(scope, rows, roll).stream().findFirst()
                .orElseThrow(() -> uk.openattendance.platform.problem.CommonProblem.notFound("Absence report", id));
    }

    public List<AbsenceReportView> reportsOfPupil(Actor actor, long schoolId, long pupilId) {
        SchoolScope scope = actor.require(Permission.ATTENDANCE_READ, schoolId, "Pupil", pupilId);
        PupilView p = pupils.pupil(scope, pupilId);
        return views(scope, store.ofPupil(pupilId), Map.of(pupilId, p));
    }

    /** A family's report and where it stands; {@code id} is the reference the family can quote to the office. */
    @Schema(example = "{\"report\": {\"id\": 501, \"reportGroup\": \"rg_7f3a\", \"pupilId\": 42, \"pupilName\": \"Nia Fenwright\", \"firstDate\": \"2026-11-23\", \"firstSession\": \"AM\", \"lastDate\": \"2026-11-24\", \"lastSession\": \"PM\", \"category\": \"ILLNESS\", \"suggestedCode\": \"I\", \"reason\": \"Nia has a temperature and is staying in bed\", \"channel\": \"PARENT_APP\", \"contactId\": 119, \"evidenceToFollow\": false, \"marksExplained\": 2, \"recordedBy\": \"parent:119\", \"recordedAt\": \"2026-11-23T07:42:10Z\"}, \"status\": {\"reference\": \"R-501\", \"status\": \"RECORDED\", \"words\": \"Recorded on the register as illness\"}}")
    public record FamilyReport(AbsenceReportView report, uk.openattendance.absence.domain.FamilyReportStatus status) {}

    /** Every report made about the parent's own children (by anyone: the office logs phone calls too), newest first. */
    public List<FamilyReport> reportsForFamily(uk.openattendance.security.ParentScope family) {
        SchoolScope scope = family.school();
        Map<Long, PupilView> roll = pupils.pupilsByIds(scope, family.pupilIds()).stream().collect(Collectors.toMap(PupilView::id, Function.identity()));
        List<AbsenceReportRow> rows = family.pupilIds().stream().flatMap(id -> store.ofPupil(id).stream()).filter(r -> scope.owns(r.schoolId()))
                .sorted(java.util.Comparator.comparing(AbsenceReportRow::id).reversed()).toList();
        return family(scope, views(scope, rows, roll));
    }

    /**
     * Reports of these pupils whose span touches a date, each with where it stands for the family: what a family is
     * told about when a mark on that date changes (the register taken with the report's code).
     */
    public List<FamilyReport> familyReportsTouching(SchoolScope scope, LocalDate date, Collection<Long> pupilIds) {
        Set<Long> wanted = new HashSet<>(pupilIds);
        List<AbsenceReportRow> rows = store.touching(scope.schoolId(), date, date).stream().filter(r -> wanted.contains(r.pupilId())).toList();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, PupilView> roll = pupils.pupilsByIds(scope, rows.stream().map(AbsenceReportRow::pupilId).distinct().toList()).stream()
                .collect(Collectors.toMap(PupilView::id, Function.identity()));
        return family(scope, views(scope, rows, roll));
    }

    /** These reports (of the scope's school) with where each stands for the family: what the family is told when they are made. */
    public List<FamilyReport> familyReports(SchoolScope scope, Collection<Long> reportIds) {
        List<AbsenceReportRow> rows = store.byIds(List.copyOf(reportIds)).stream().filter(r -> scope.owns(r.schoolId())).toList();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, PupilView> roll = pupils.pupilsByIds(scope, rows.stream().map(AbsenceReportRow::pupilId).distinct().toList()).stream()
                .collect(Collectors.toMap(PupilView::id, Function.identity()));
        return family(scope, views(scope, rows, roll));
    }

    /** The same reports with their family status, as the family sees them (the pure rule in FamilyReportStatus). */
    public List<FamilyReport> family(SchoolScope scope, List<AbsenceReportView> views) {
        uk.openattendance.school.domain.SchoolCalendar calendar = schoolDay.of(scope.schoolId()).calendar();
        return views.stream().map(v -> {
            int days = 0;
            for (LocalDate d = v.firstDate(); !d.isAfter(v.lastDate()) && days < 100; d = d.plusDays(1)) {
                days += calendar.isSchoolDay(d) ? 1 : 0;
            }
            return new FamilyReport(v, uk.openattendance.absence.domain.FamilyReportStatus.of(v.id(),
                    uk.openattendance.absence.domain.ReportCategory.valueOf(v.category()), v.marksExplained(), v.evidenceToFollow(), days));
        }).toList();
    }

    static ReportSpan span(AbsenceReportRow r) {
        return new ReportSpan(r.firstDate(), Session.valueOf(r.firstSession()), r.lastDate(), Session.valueOf(r.lastSession()));
    }

    private static String channelWords(ReportChannel channel) {
        return switch (channel) {
            case SMS_REPLY -> "Parent reply";
            case WEB_FORM -> "Parent web form";
            case PARENT_APP -> "Parent app";
            case PHONE_CALL -> "Parent phoned";
            case EMAIL -> "Parent emailed";
            case IN_PERSON -> "Parent told the office";
        };
    }

    private static String shorten(String s) {
        return s.length() > 200 ? s.substring(0, 199) + "…" : s;
    }

    private static AbsenceReportView view(AbsenceReportRow r, PupilView p, int explained) {
        return new AbsenceReportView(r.id(), r.reportGroup(), r.pupilId(), p == null ? null : p.displayName(), r.firstDate(), r.firstSession(), r.lastDate(),
                r.lastSession(), r.expectedReturn(), r.category(), r.suggestedCode(), r.reason(), r.channel(), r.contactId(), r.evidenceToFollow(), explained,
                r.recordedBy(), r.recordedAt(), r.schoolId());
    }
}
