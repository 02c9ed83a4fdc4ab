package uk.openattendance.followup.app;

import uk.openattendance.register.domain.CodeSet;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import uk.openattendance.followup.domain.LatenessTexts;
import uk.openattendance.followup.domain.Message;
import uk.openattendance.followup.domain.Praise;
import uk.openattendance.notify.app.Outbox;
import uk.openattendance.notify.domain.MessagePurpose;
import uk.openattendance.register.app.FiguresRow;
import uk.openattendance.register.app.FiguresService;
import uk.openattendance.register.app.MissingRegisters;
import uk.openattendance.register.app.RegisterService;
import uk.openattendance.register.app.SchoolDay;
import uk.openattendance.register.app.WindowRequest;
import uk.openattendance.roll.app.PupilService;
import uk.openattendance.school.domain.ContactRouting;
import uk.openattendance.school.domain.DateWindow;
import uk.openattendance.school.domain.PraiseRules;
import uk.openattendance.school.domain.Session;
import uk.openattendance.security.SchoolScope;

/**
 * Lateness notices and praise: it loads the marks or figures, asks {@link LatenessTexts} and {@link Praise} who gets
 * what, and queues one message per pupil and contact, at most once per occasion.
 */
@Singleton
public class FamilyMessages {
    private final RegisterService registers;
    private final FiguresService figures;
    private final PupilService pupils;
    private final FamilyContacts contacts;
    private final Outbox outbox;
    private final SchoolDay schoolDay;
    private final MissingRegisters missing;

    public FamilyMessages(RegisterService registers, FiguresService figures, PupilService pupils, FamilyContacts contacts, Outbox outbox, SchoolDay schoolDay,
            MissingRegisters missing) {
        this.missing = missing;
        this.registers = registers;
        this.figures = figures;
        this.pupils = pupils;
        this.contacts = contacts;
        this.outbox = outbox;
        this.schoolDay = schoolDay;
    }

    /** After a session's registers close: a text for each pupil marked L or U in it. */
    @Transactional
    public String latenessNotices(SchoolScope scope, LocalDate date, Session session) {
        var rules = schoolDay.policy(scope.schoolId()).lateness();
        if (!rules.enabled()) {
            return "Lateness notices are off in this school's policy.";
        }
        List<LatenessTexts.LateMark> marks = new ArrayList<>();
        for (String code : CodeSet.LATE.codes()) {
            registers.marksWithCode(scope, code, date, date).forEach(m -> marks.add(new LatenessTexts.LateMark(m.pupilId(), m.session(), code, m.minutesLate())));
        }
        Map<Long, LatenessTexts.LateMark> late = LatenessTexts.latePupils(session, marks);
        LatenessTexts.Decision decision = LatenessTexts.decide(date, session, rules.routing(), late,
                FamilyContacts.children(pupils.pupilsByIds(scope, late.keySet())), contacts.routable(scope, late.keySet()));
        return decision.outcome(queue(scope, date, decision.messages()));
    }

    /** Weekly 100% praise, run on the week's last school day. */
    @Transactional
    public String weeklyPraise(SchoolScope scope, LocalDate date) {
        PraiseRules rules = schoolDay.policy(scope.schoolId()).praise();
        if (!rules.weeklyFullAttendance()) {
            return "Weekly praise is off in this school's policy.";
        }
        WindowRequest week = new WindowRequest(WindowRequest.Kind.WEEK, null, null, date, null);
        Praise.Complete full = Praise.everyRegisterTaken(rows(figures.fullAttendance(scope, week)), missing.gaps(scope, week));
        return praise(scope, date, "week " + date, MessagePurpose.PRAISE_WEEKLY, full.rows(), rules.routing(), "week") + full.skipped();
    }

    /** Half-termly praise on the half term's last school day: 100% is outstanding, at or above the school's mark excellent. */
    @Transactional
    public String halfTermPraise(SchoolScope scope, LocalDate date) {
        PraiseRules rules = schoolDay.policy(scope.schoolId()).praise();
        WindowRequest halfTerm = new WindowRequest(WindowRequest.Kind.HALF_TERM, null, null, date, null);
        Praise.Complete eligible = Praise.everyRegisterTaken(Praise.withFigures(rows(figures.groups(scope, FiguresService.GroupBy.PUPIL, null, halfTerm))),
                missing.gaps(scope, halfTerm));
        List<Praise.PupilFigures> all = eligible.rows();
        String occasion = "half term " + date;
        StringBuilder out = new StringBuilder();
        if (rules.halfTermlyFullAttendance()) {
            out.append(praise(scope, date, occasion, MessagePurpose.PRAISE_OUTSTANDING, Praise.outstanding(all), rules.routing(), "half term")).append(' ');
        }
        if (rules.halfTermlyExcellentFrom() != null) {
            out.append(praise(scope, date, occasion, MessagePurpose.PRAISE_EXCELLENT, Praise.excellent(all, rules.halfTermlyExcellentFrom()), rules.routing(),
                    "half term"));
        }
        if (rules.improvementByPoints() != null) {
            out.append(' ').append(improvement(scope, date, all, rules.improvementByPoints(), rules.routing()));
        }
        return out.length() == 0 ? "Half-termly praise is off in this school's policy." : out.toString().strip() + eligible.skipped();
    }

    /** Pupils whose attendance this half term is up by the school's number of points on the half term before. */
    private String improvement(SchoolScope scope, LocalDate date, List<Praise.PupilFigures> thisHalf, BigDecimal points, ContactRouting routing) {
        var calendar = schoolDay.of(scope.schoolId()).calendar();
        var previous = Praise.halfTermBefore(calendar, calendar.halfTermContaining(date).orElseThrow());
        if (previous.isEmpty()) {
            return "No earlier half term to compare with.";
        }
        DateWindow before = previous.get();
        Map<Long, BigDecimal> then = Praise.withFigures(rows(figures.groups(scope, FiguresService.GroupBy.PUPIL, null,
                new WindowRequest(WindowRequest.Kind.RANGE, before.from(), before.to(), null, null)))).stream()
                .collect(Collectors.toMap(Praise.PupilFigures::pupilId, r -> r.figures().attendancePercent()));
        Map<Long, Praise.Improvement> improved = Praise.improved(thisHalf, then, points).stream()
                .collect(Collectors.toMap(i -> i.now().pupilId(), Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
        int queued = queue(scope, date, Praise.improvementMessages(date, improved, FamilyContacts.children(pupils.pupilsByIds(scope, improved.keySet())),
                contacts.routable(scope, improved.keySet()), routing));
        return improved.size() + " pupil(s) improved by " + points.toPlainString() + " points or more: " + queued + " message(s) queued.";
    }

    /** Termly 100% praise on the term's last school day. */
    @Transactional
    public String termlyPraise(SchoolScope scope, LocalDate date) {
        PraiseRules rules = schoolDay.policy(scope.schoolId()).praise();
        if (!rules.termlyFullAttendance()) {
            return "Termly praise is off in this school's policy.";
        }
        WindowRequest term = new WindowRequest(WindowRequest.Kind.TERM, null, null, date, null);
        Praise.Complete full = Praise.everyRegisterTaken(rows(figures.fullAttendance(scope, term)), missing.gaps(scope, term));
        return praise(scope, date, "term " + date, MessagePurpose.PRAISE_OUTSTANDING, full.rows(), rules.routing(), "term") + full.skipped();
    }

    private String praise(SchoolScope scope, LocalDate date, String occasion, MessagePurpose purpose, List<Praise.PupilFigures> praised,
            ContactRouting routing, String window) {
        Map<Long, Praise.PupilFigures> byPupil = praised.stream()
                .collect(Collectors.toMap(Praise.PupilFigures::pupilId, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
        int queued = queue(scope, date, Praise.messages(purpose, occasion, window, byPupil, FamilyContacts.children(pupils.pupilsByIds(scope, byPupil.keySet())),
                contacts.routable(scope, byPupil.keySet()), routing));
        return Praise.outcome(purpose, praised.size(), queued);
    }

    private int queue(SchoolScope scope, LocalDate date, List<Message> messages) {
        return outbox.enqueue(scope, FamilyContacts.requests(scope.schoolId(), date, messages));
    }

    /** Figures rows are keyed "pupil:{id}". */
    private static List<Praise.PupilFigures> rows(List<FiguresRow> rows) {
        return rows.stream().map(r -> new Praise.PupilFigures(Long.parseLong(r.key().substring("pupil:".length())), r.figures())).toList();
    }
}
