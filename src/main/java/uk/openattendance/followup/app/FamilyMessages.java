package uk.openattendance.followup.app;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import uk.openattendance.notify.app.Outbox;
import uk.openattendance.notify.domain.MessagePurpose;
import uk.openattendance.notify.domain.Recipients;
import uk.openattendance.register.app.FiguresRow;
import uk.openattendance.register.app.FiguresService;
import uk.openattendance.register.app.MarkView;
import uk.openattendance.register.app.MissingRegisters;
import uk.openattendance.register.app.RegisterService;
import uk.openattendance.register.app.SchoolDay;
import uk.openattendance.register.app.WindowRequest;
import uk.openattendance.register.domain.RegisterGaps;
import uk.openattendance.roll.app.ContactView;
import uk.openattendance.roll.app.PupilService;
import uk.openattendance.roll.app.PupilView;
import uk.openattendance.school.domain.ContactRouting;
import uk.openattendance.school.domain.PraiseRules;
import uk.openattendance.school.domain.Session;
import uk.openattendance.security.Actor;
import uk.openattendance.security.SchoolScope;

/** Lateness notices and praise: one message per pupil, to the contacts the school's settings name, at most once per occasion. */
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
        long schoolId = scope.schoolId();
        var rules = schoolDay.policy(schoolId).lateness();
        if (!rules.enabled()) {
            return "Lateness notices are off in this school's policy.";
        }
        List<MarkView> late = new ArrayList<>();
        for (String code : List.of("L", "U")) {
            late.addAll(registers.marksWithCode(scope, code, date, date).stream().filter(m -> m.session().equals(session.name())).toList());
        }
        Map<Long, MarkView> byPupil = late.stream().collect(Collectors.toMap(MarkView::pupilId, Function.identity(), (a, b) -> a));
        List<Outbox.Request> requests = new ArrayList<>();
        Map<Long, List<ContactView>> cs = contacts.of(scope, byPupil.keySet());
        for (PupilView p : pupils.pupilsByIds(scope, byPupil.keySet())) {
            MarkView m = byPupil.get(p.id());
            for (Recipients.Plan plan : Recipients.route(rules.routing(), FamilyContacts.recipients(cs.getOrDefault(p.id(), List.of())))) {
                requests.add(new Outbox.Request(schoolId, MessagePurpose.LATENESS, date + ":" + session + ":pupil " + p.id(), Outbox.NORMAL, plan,
                        Map.of("children", FamilyContacts.names(List.of(p)), "session", session == Session.AM ? "morning" : "afternoon",
                                "minutesLate", String.valueOf(m.minutesLate())), List.of(p.id()), date));
            }
        }
        int queued = outbox.enqueue(scope, requests);
        return byPupil.size() + " pupil(s) late; " + requests.size() + " text(s) (" + queued + " new)";
    }

    /** Weekly 100% praise, run on the week's last school day. */
    @Transactional
    public String weeklyPraise(SchoolScope scope, LocalDate date) {
        long schoolId = scope.schoolId();
        PraiseRules rules = schoolDay.policy(schoolId).praise();
        if (!rules.weeklyFullAttendance()) {
            return "Weekly praise is off in this school's policy.";
        }
        WindowRequest week = new WindowRequest(WindowRequest.Kind.WEEK, null, null, date, null);
        Complete full = complete(figures.fullAttendance(scope, week), missing.gaps(scope, week));
        return praise(scope, date, "week " + date, MessagePurpose.PRAISE_WEEKLY, full.rows(), rules.routing(), "week", null) + full.skipped();
    }

    /** Half-termly praise on the half term's last school day: 100% is outstanding, at or above the school's mark excellent. */
    @Transactional
    public String halfTermPraise(SchoolScope scope, LocalDate date) {
        long schoolId = scope.schoolId();
        PraiseRules rules = schoolDay.policy(schoolId).praise();
        WindowRequest halfTerm = new WindowRequest(WindowRequest.Kind.HALF_TERM, null, null, date, null);
        Complete eligible = complete(figures.groups(scope, FiguresService.GroupBy.PUPIL, null, halfTerm).stream()
                .filter(r -> r.figures().possibleSessions() > 0 && r.figures().attendancePercent() != null).toList(), missing.gaps(scope, halfTerm));
        List<FiguresRow> all = eligible.rows();
        StringBuilder out = new StringBuilder();
        if (rules.halfTermlyFullAttendance()) {
            List<FiguresRow> full = all.stream().filter(r -> r.figures().attended() == r.figures().possibleSessions()).toList();
            out.append(praise(scope, date, "half term " + date, MessagePurpose.PRAISE_OUTSTANDING, full, rules.routing(), "half term", null)).append(' ');
        }
        BigDecimal from = rules.halfTermlyExcellentFrom();
        if (from != null) {
            List<FiguresRow> excellent = all.stream().filter(r -> r.figures().attended() < r.figures().possibleSessions())
                    .filter(r -> r.figures().attendancePercent().compareTo(from) >= 0).toList();
            out.append(praise(scope, date, "half term " + date, MessagePurpose.PRAISE_EXCELLENT, excellent, rules.routing(), "half term", null));
        }
        BigDecimal points = rules.improvementByPoints();
        if (points != null) {
            out.append(' ').append(improvement(scope, date, all, points, rules.routing()));
        }
        return out.length() == 0 ? "Half-termly praise is off in this school's policy." : out.toString().strip() + eligible.skipped();
    }

    /** Pupils whose attendance this half term is up by the school's number of points on the half term before. */
    private String improvement(SchoolScope scope, LocalDate date, List<FiguresRow> thisHalf, BigDecimal points, ContactRouting routing) {
        long schoolId = scope.schoolId();
        var calendar = schoolDay.of(schoolId).calendar();
        var current = calendar.halfTermContaining(date).orElseThrow();
        var previous = calendar.terms().stream().flatMap(t -> t.halfTerms().stream()).filter(h -> h.to().isBefore(current.from()))
                .max(java.util.Comparator.comparing(uk.openattendance.school.domain.DateWindow::to));
        if (previous.isEmpty()) {
            return "No earlier half term to compare with.";
        }
        Map<String, BigDecimal> before = figures.groups(scope, FiguresService.GroupBy.PUPIL, null,
                new WindowRequest(WindowRequest.Kind.RANGE, previous.get().from(), previous.get().to(), null, null)).stream()
                .filter(r -> r.figures().possibleSessions() > 0 && r.figures().attendancePercent() != null)
                .collect(Collectors.toMap(FiguresRow::key, r -> r.figures().attendancePercent()));
        List<FiguresRow> improved = thisHalf.stream().filter(r -> before.containsKey(r.key()))
                .filter(r -> r.figures().attendancePercent().subtract(before.get(r.key())).compareTo(points) >= 0).toList();
        List<Long> ids = improved.stream().map(r -> Long.valueOf(r.key().substring("pupil:".length()))).toList();
        Map<Long, List<ContactView>> cs = contacts.of(scope, ids);
        List<Outbox.Request> requests = new ArrayList<>();
        for (PupilView p : pupils.pupilsByIds(scope, ids)) {
            FiguresRow now = improved.stream().filter(r -> r.key().equals("pupil:" + p.id())).findFirst().orElseThrow();
            BigDecimal up = now.figures().attendancePercent().subtract(before.get(now.key()));
            for (Recipients.Plan plan : Recipients.route(routing, FamilyContacts.recipients(cs.getOrDefault(p.id(), List.of())))) {
                requests.add(new Outbox.Request(schoolId, MessagePurpose.PRAISE_IMPROVEMENT, "half term " + date + ":pupil " + p.id(), Outbox.NORMAL, plan,
                        Map.of("children", FamilyContacts.names(List.of(p)), "percent", now.figures().attendancePercent().toPlainString(),
                                "points", up.stripTrailingZeros().toPlainString()), List.of(p.id()), date));
            }
        }
        int queued = outbox.enqueue(scope, requests);
        return ids.size() + " pupil(s) improved by " + points.toPlainString() + " points or more: " + queued + " message(s) queued.";
    }

    /** Termly 100% praise on the term's last school day. */
    @Transactional
    public String termlyPraise(SchoolScope scope, LocalDate date) {
        long schoolId = scope.schoolId();
        PraiseRules rules = schoolDay.policy(schoolId).praise();
        if (!rules.termlyFullAttendance()) {
            return "Termly praise is off in this school's policy.";
        }
        WindowRequest term = new WindowRequest(WindowRequest.Kind.TERM, null, null, date, null);
        Complete full = complete(figures.fullAttendance(scope, term), missing.gaps(scope, term));
        return praise(scope, date, "term " + date, MessagePurpose.PRAISE_OUTSTANDING, full.rows(), rules.routing(), "term", null) + full.skipped();
    }

    private record Complete(List<FiguresRow> rows, String skipped) {}

    /**
     * Only pupils with a mark for every session owed in the window may be praised: figures count marks, so a register
     * never taken would otherwise read as a session attended. Those left out are named by the registers they lack.
     */
    private static Complete complete(List<FiguresRow> rows, Map<Long, List<RegisterGaps.Slot>> gaps) {
        List<FiguresRow> kept = new ArrayList<>();
        java.util.TreeSet<RegisterGaps.Slot> lacking = new java.util.TreeSet<>(RegisterGaps.Slot.ORDER);
        int skipped = 0;
        for (FiguresRow r : rows) {
            List<RegisterGaps.Slot> g = gaps.get(Long.valueOf(r.key().substring("pupil:".length())));
            if (g == null) {
                kept.add(r);
            } else {
                skipped++;
                lacking.addAll(g);
            }
        }
        if (skipped == 0) {
            return new Complete(kept, "");
        }
        List<String> days = lacking.stream().limit(6).map(s -> FirstDayService.DAY.format(s.date()) + " " + s.session()).toList();
        return new Complete(kept, " " + skipped + " pupil(s) skipped: registers not taken on " + String.join(", ", days)
                + (lacking.size() > days.size() ? " and " + (lacking.size() - days.size()) + " more session(s)" : "") + ".");
    }

    private String praise(SchoolScope scope, LocalDate date, String occasion, MessagePurpose purpose, List<FiguresRow> rows, ContactRouting routing,
            String window, String points) {
        long schoolId = scope.schoolId();
        List<Long> ids = rows.stream().map(r -> Long.valueOf(r.key().substring("pupil:".length()))).toList();
        Map<Long, FiguresRow> byPupil = rows.stream().collect(Collectors.toMap(r -> Long.valueOf(r.key().substring("pupil:".length())), Function.identity()));
        Map<Long, List<ContactView>> cs = contacts.of(scope, ids);
        List<Outbox.Request> requests = new ArrayList<>();
        for (PupilView p : pupils.pupilsByIds(scope, ids)) {
            BigDecimal pct = byPupil.get(p.id()).figures().attendancePercent();
            for (Recipients.Plan plan : Recipients.route(routing, FamilyContacts.recipients(cs.getOrDefault(p.id(), List.of())))) {
                requests.add(new Outbox.Request(schoolId, purpose, occasion + ":pupil " + p.id(), Outbox.NORMAL, plan,
                        Map.of("children", FamilyContacts.names(List.of(p)), "percent", pct.toPlainString(), "window", window), List.of(p.id()), date));
            }
        }
        int queued = outbox.enqueue(scope, requests);
        return ids.size() + " pupil(s) for " + purpose.name().toLowerCase().replace('_', ' ') + ": " + queued + " message(s) queued.";
    }
}
