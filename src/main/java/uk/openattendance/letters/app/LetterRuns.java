package uk.openattendance.letters.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.Introspected;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import uk.openattendance.letters.domain.AttendanceLadder;
import uk.openattendance.letters.domain.DefaultLetters;
import uk.openattendance.letters.domain.LadderState;
import uk.openattendance.letters.domain.LetterException;
import uk.openattendance.letters.domain.MedicalEvidence;
import uk.openattendance.letters.persistence.LetterRow;
import uk.openattendance.letters.persistence.LetterStore;
import uk.openattendance.platform.problem.DomainProblem;
import uk.openattendance.register.app.DailyLists;
import uk.openattendance.register.app.FiguresRow;
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
import uk.openattendance.school.app.SchoolView;
import uk.openattendance.school.domain.LetterRules;
import uk.openattendance.school.domain.SchoolCalendar;
import uk.openattendance.school.domain.Term;
import uk.openattendance.security.Actor;
import uk.openattendance.security.Permission;
import uk.openattendance.security.SchoolScope;

/**
 * Drafting letters: a run (on the school's schedule or on demand, as of any date) drafts a letter for each pupil who
 * crossed one of the school's thresholds, once per crossing, with the school's escalation and the office's exceptions
 * applied; single letters are drafted for leave decisions, improvement meetings and the start of the year. What happens
 * to a draft next is {@link LetterService}'s.
 */
@Singleton
public class LetterRuns {
    static final DateTimeFormatter LONG_DATE = LetterService.LONG_DATE;
    /** A pupil with fewer possible sessions than this in the window has too little record for a percentage to mean much. */
    static final int MIN_POSSIBLE_SESSIONS = 10;

    private final LetterStore store;
    private final LetterRenderer renderer;
    private final LetterTemplates letterTemplates;
    private final LetterService letters;
    private final PupilService pupils;
    private final ContactService contacts;
    private final FiguresService figures;
    private final RegisterService registers;
    private final DailyLists lists;
    private final SchoolDay schoolDay;
    private final ObjectMapper json;
    private final Clock clock;

    public LetterRuns(LetterStore store, LetterRenderer renderer, LetterTemplates letterTemplates, LetterService letters, PupilService pupils,
            ContactService contacts, FiguresService figures, RegisterService registers, DailyLists lists, SchoolDay schoolDay, ObjectMapper json,
            Clock clock) {
        this.store = store;
        this.renderer = renderer;
        this.letterTemplates = letterTemplates;
        this.letters = letters;
        this.pupils = pupils;
        this.contacts = contacts;
        this.figures = figures;
        this.registers = registers;
        this.lists = lists;
        this.schoolDay = schoolDay;
        this.json = json;
        this.clock = clock;
    }

    /** What a run did; {@code ladderNote} says why the attendance ladder was not stepped (a later date was already run), else null. */
    public record RunResult(LocalDate asOf, int pupilsChecked, int drafted, int suppressed, Map<String, Integer> byKind, long millis, String ladderNote) {
        RunResult(LocalDate asOf, int pupilsChecked, int drafted, int suppressed, Map<String, Integer> byKind, long millis) {
            this(asOf, pupilsChecked, drafted, suppressed, byKind, millis, null);
        }

        RunResult withLadderNote(String note) {
            return new RunResult(asOf, pupilsChecked, drafted, suppressed, byKind, millis, note);
        }
    }

    /** A letter a trigger asks for; {@code coveredBy} says why it is kept SUPPRESSED when another letter of the run says the same. */
    record Wanted(PupilView pupil, String kind, String triggerKey, Map<String, Object> facts, boolean meeting, String coveredBy) {
        Wanted(PupilView pupil, String kind, String triggerKey, Map<String, Object> facts, boolean meeting) {
            this(pupil, kind, triggerKey, facts, meeting, null);
        }
    }

    @Transactional
    public RunResult run(Actor actor, long schoolId, LocalDate asOf) {
        return run(actor.require(Permission.LETTERS_SEND, schoolId, "School", schoolId), asOf);
    }

    /** The run itself, for a caller checked for letters or the weekly letter-run job. */
    public RunResult run(SchoolScope scope, LocalDate asOf) {
        scope.require(Permission.LETTERS_SEND);
        long schoolId = scope.schoolId();
        long started = System.nanoTime();
        SchoolDay.Context ctx = schoolDay.of(schoolId);
        LocalDate date = asOf == null ? ctx.now().toLocalDate() : asOf;
        LetterRules rules = schoolDay.policy(schoolId).letters();
        String year = SchoolCalendar.academicYearOf(date);
        List<PupilView> roll = pupils.wholeRoll(scope).stream().filter(p -> p.onRollOn(date)).toList();
        Map<Long, PupilView> byId = roll.stream().collect(Collectors.toMap(PupilView::id, Function.identity()));
        List<Wanted> wanted = new ArrayList<>();

        // The ladder of attendance thresholds, over the school's window.
        WindowRequest window = rules.windowWeeks() == null ? new WindowRequest(WindowRequest.Kind.YEAR_TO_DATE, null, null, date, null)
                : new WindowRequest(WindowRequest.Kind.ROLLING_WEEKS, null, null, date, rules.windowWeeks());
        Map<Long, FiguresRow> rows = perPupil(scope, window);
        String ladderNote = null;
        LocalDate ladderLatest = rules.levels().isEmpty() ? null : store.lockLadder(schoolId, year, date);
        if (ladderLatest != null && ladderLatest.isAfter(date)) {
            // stepping back in time would count crossings out of order; the later run already wrote about this year's ladder
            ladderNote = "Attendance letters not checked: the ladder was already run as of " + ladderLatest + ", after " + date;
        } else if (!rules.levels().isEmpty()) {
            AttendanceLadder ladder = new AttendanceLadder(rules.levels(), rules.sameLevelRepeatsBeforeEscalating());
            Map<Long, LadderState> states = store.ladders(byId.keySet(), year);
            Map<Long, LadderState> changed = new HashMap<>();
            for (PupilView p : roll) {
                FiguresRow row = rows.get(p.id());
                if (row == null || row.figures().possibleSessions() < MIN_POSSIBLE_SESSIONS) {
                    continue;
                }
                LadderState before = states.getOrDefault(p.id(), LadderState.start());
                AttendanceLadder.Step step = ladder.step(before, row.figures().attendancePercent());
                if (!step.next().equals(before)) {
                    changed.put(p.id(), step.next());
                }
                step.due().ifPresent(due -> {
                    Map<String, Object> facts = figureFacts(row);
                    facts.put("level", Map.of("key", due.level().key(), "label", due.escalated() ? due.level().label() + " (the same level for the "
                            + "third time in succession is treated as the next level)" : due.level().label()));
                    wanted.add(new Wanted(p, "ATTENDANCE_" + due.level().key(), "ATTENDANCE:" + year + ":" + due.crossing(), facts,
                            due.level().meetingInvitation()));
                });
            }
            store.saveLadders(changed, year);
        }

        // Illness: medical evidence after so many sessions in a term or a year, and on the nth consecutive day.
        MedicalEvidence evidence = new MedicalEvidence(rules.medicalEvidenceAfterIllnessSessionsInTerm(), rules.medicalEvidenceAfterIllnessSessionsInYear(),
                rules.evidenceOnConsecutiveIllnessDay());
        if (evidence.any()) {
            LocalDate yearStart = LocalDate.of(Integer.parseInt(year.substring(0, 4)), 9, 1);
            Optional<Term> term = ctx.calendar().termContaining(date);
            LocalDate termStart = term.map(Term::startsOn).orElse(yearStart);
            String termName = term.map(Term::name).orElse("year");
            List<LocalDate> recent = ctx.calendar().schoolDays(date.minusWeeks(4), date);
            registers.marksWithCode(scope, "I", yearStart, date).stream()
                    .collect(Collectors.groupingBy(MarkView::pupilId, Collectors.mapping(MarkView::date, Collectors.toList())))
                    .forEach((pupilId, sessions) -> {
                        PupilView p = byId.get(pupilId);
                        if (p != null) {
                            for (MedicalEvidence.Request r : evidence.requests(sessions, year, termName, termStart, recent)) {
                                wanted.add(new Wanted(p, "MEDICAL_EVIDENCE", r.triggerKey(), illnessFacts(r.sessions(), r.window()), false));
                            }
                        }
                    });
        }

        // Punctuality: more than so many late arrivals after the register closed (U) this term.
        if (rules.punctualityLetterWhenUnauthorisedLatesAbove() != null) {
            Optional<Term> term = ctx.calendar().termContaining(date);
            Map<Long, FiguresRow> termRows = term.isPresent() ? perPupil(scope, new WindowRequest(WindowRequest.Kind.TERM, null, null, date, null)) : rows;
            termRows.forEach((pupilId, row) -> {
                PupilView p = byId.get(pupilId);
                if (p != null && row.figures().lateAfterClose() > rules.punctualityLetterWhenUnauthorisedLatesAbove()) {
                    wanted.add(new Wanted(p, "PUNCTUALITY", "PUNCTUALITY:" + year + ":" + term.map(Term::name).orElse("year"), figureFacts(row), false));
                }
            });
        }

        // Penalty-notice warning (national framework): 10+ unauthorised sessions in a rolling 10 school weeks; once per window.
        for (DailyLists.PenaltyCandidate c : lists.penaltyNoticeMonitor(scope, date)) {
            PupilView p = byId.get(c.pupilId());
            if (p != null) {
                Map<String, Object> facts = new LinkedHashMap<>();
                facts.put("figures", Map.of("unauthorisedSessions", c.unauthorisedSessions(), "from", LONG_DATE.format(c.windowFrom()), "to",
                        LONG_DATE.format(c.windowTo())));
                wanted.add(new Wanted(p, "PENALTY_WARNING", "PENALTY:" + c.windowFrom(), facts, false));
            }
        }
        return record(scope, date, roll.size(), oneMedicalRequestEach(wanted), started).withLadderNote(ladderNote);
    }

    /**
     * A family asked for medical evidence twice in one run (the term's threshold and the 5th day in a row reached
     * together) gets one letter; the other trigger is kept, SUPPRESSED with the reason, so it is not drafted next week.
     */
    static List<Wanted> oneMedicalRequestEach(List<Wanted> wanted) {
        Map<Long, Wanted> firstMedical = new HashMap<>();
        List<Wanted> out = new ArrayList<>();
        for (Wanted w : wanted) {
            if (w.kind().equals("MEDICAL_EVIDENCE")) {
                Wanted first = firstMedical.putIfAbsent(w.pupil().id(), w);
                if (first != null) {
                    out.add(new Wanted(w.pupil(), w.kind(), w.triggerKey(), w.facts(), w.meeting(), "Covered by the medical-evidence letter drafted "
                            + "in the same run (" + first.triggerKey() + ")"));
                    continue;
                }
            }
            out.add(w);
        }
        return out;
    }

    private RunResult record(SchoolScope scope, LocalDate date, int checked, List<Wanted> wanted, long started) {
        long schoolId = scope.schoolId();
        Set<String> already = store.triggersOf(schoolId, "");
        List<Wanted> fresh = wanted.stream().filter(w -> !already.contains(w.pupil().id() + "|" + w.triggerKey())).toList();
        if (fresh.isEmpty()) {
            return new RunResult(date, checked, 0, 0, Map.of(), (System.nanoTime() - started) / 1_000_000);
        }
        LetterTemplates.Templates templates = letterTemplates.resolve(scope);
        Map<Long, List<ContactView>> family = contacts.contactsOfPupils(scope, fresh.stream().map(w -> w.pupil().id()).distinct().toList());
        List<LetterException> exceptions = store.exceptions(schoolId);
        String by = scope.isJob() || scope.actor().isSystem() ? "System: letter run" : scope.describe();
        List<LetterRow> rows = new ArrayList<>();
        Map<String, Integer> byKind = new TreeMap<>();
        int suppressed = 0;
        for (Wanted w : fresh) {
            Map<String, Object> model = model(templates.school(), w.pupil(), family.getOrDefault(w.pupil().id(), List.of()), date, w.facts());
            DefaultLetters.Wording wording = templates.wording(w.kind(), w.meeting());
            String reason = w.coveredBy() != null ? w.coveredBy()
                    : exceptions.stream().filter(e -> e.applies(w.pupil().id(), w.kind(), date)).map(LetterException::why).findFirst().orElse(null);
            suppressed += reason == null ? 0 : 1;
            rows.add(new LetterRow(0, schoolId, w.pupil().id(), w.kind(), w.triggerKey(), reason == null ? "DRAFT" : "SUPPRESSED",
                    renderer.merge(wording.subject(), model), renderer.merge(wording.body(), model), write(model), date, by, clock.instant(), null, null,
                    null, null, null, null, null, reason, 0));
            byKind.merge(w.kind(), 1, Integer::sum);
        }
        int inserted = store.insertAll(rows);
        return new RunResult(date, checked, inserted - suppressed, suppressed, byKind, (System.nanoTime() - started) / 1_000_000);
    }

    /** Drafts one letter now, outside a run (leave decisions, a meeting record, start-of-year letters). */
    @Transactional
    public Optional<LetterView> draft(SchoolScope scope, long pupilId, String kind, String triggerKey, Map<String, Object> facts) {
        scope.require(Permission.LETTERS_SEND);
        long schoolId = scope.schoolId();
        PupilView p = pupils.pupil(scope, pupilId);
        record(scope, schoolDay.of(schoolId).now().toLocalDate(), 1, List.of(new Wanted(p, kind, triggerKey, new LinkedHashMap<>(facts), false)),
                System.nanoTime());
        return store.byTrigger(schoolId, pupilId, triggerKey).map(r -> letters.view(r, p));
    }

    /** An attendance improvement meeting as held: what was agreed and when it will be reviewed. */
    @Introspected
    public record RecordMeeting(
            @NotNull(message = "the date the meeting was held, e.g. 2026-11-20") LocalDate heldOn,
            @NotBlank(message = "the plan agreed with the family, in plain words")
            @Size(max = 4000, message = "at most 4000 characters") String plan,
            @NotNull(message = "the date the plan will be reviewed, after the meeting") LocalDate reviewDate) {}

    /**
     * Drafts the record of an attendance improvement meeting, with the pupil's figures for the year to the meeting, the
     * plan and the review date, for the office to approve and send. Recording the same meeting again returns its letter.
     */
    @Transactional
    public LetterView recordImprovementMeeting(Actor actor, long schoolId, long pupilId, @Valid RecordMeeting m) {
        SchoolScope scope = actor.require(Permission.LETTERS_SEND, schoolId, "School", schoolId);
        PupilView p = pupils.pupil(actor, schoolId, pupilId);
        LocalDate today = schoolDay.of(schoolId).now().toLocalDate();
        if (m.heldOn().isAfter(today)) {
            throw DomainProblem.field(LetterProblem.LETTER_NOT_VALID, "heldOn", "a date on or before today (" + today + ")");
        }
        if (!m.reviewDate().isAfter(m.heldOn())) {
            throw DomainProblem.field(LetterProblem.LETTER_NOT_VALID, "reviewDate", "a date after the meeting (" + m.heldOn() + ")");
        }
        FiguresRow row = perPupil(scope, new WindowRequest(WindowRequest.Kind.YEAR_TO_DATE, null, null, m.heldOn(), null)).get(pupilId);
        Map<String, Object> facts = row == null ? new LinkedHashMap<>() : figureFacts(row);
        facts.put("meeting", Map.of("date", LONG_DATE.format(m.heldOn()), "reviewDate", LONG_DATE.format(m.reviewDate()), "plan", m.plan()));
        return draft(scope, p.id(), "IMPROVEMENT_MEETING", "MEETING:" + m.heldOn(), facts).orElseThrow();
    }

    /** Drafts the start-of-year expectations letter for every pupil on roll as of a date (default today); once per pupil per year. */
    @Transactional
    public RunResult startOfYear(Actor actor, long schoolId, LocalDate asOf) {
        SchoolScope scope = actor.require(Permission.LETTERS_SEND, schoolId, "School", schoolId);
        long started = System.nanoTime();
        LocalDate date = asOf == null ? schoolDay.of(schoolId).now().toLocalDate() : asOf;
        String year = SchoolCalendar.academicYearOf(date);
        List<PupilView> roll = pupils.wholeRoll(scope).stream().filter(p -> p.onRollOn(date)).toList();
        List<Wanted> wanted = roll.stream().map(p -> new Wanted(p, "START_OF_YEAR", "START_OF_YEAR:" + year, new LinkedHashMap<String, Object>(),
                false)).toList();
        return record(scope, date, roll.size(), wanted, started);
    }

    // ---- merge model ----

    private Map<Long, FiguresRow> perPupil(SchoolScope scope, WindowRequest window) {
        Map<Long, FiguresRow> out = new HashMap<>();
        for (FiguresRow r : figures.groups(scope, FiguresService.GroupBy.PUPIL, null, window)) {
            out.put(Long.parseLong(r.key().substring(r.key().indexOf(':') + 1)), r);
        }
        return out;
    }

    static Map<String, Object> figureFacts(FiguresRow row) {
        Figures f = row.figures();
        int missed = f.possibleSessions() - f.attended();
        Map<String, Object> fig = new LinkedHashMap<>();
        fig.put("from", LONG_DATE.format(row.window().from()));
        fig.put("to", LONG_DATE.format(row.window().to()));
        fig.put("attendancePercent", f.attendancePercent() == null ? "-" : f.attendancePercent().setScale(1, RoundingMode.HALF_UP).toPlainString());
        fig.put("possibleSessions", f.possibleSessions());
        fig.put("attended", f.attended());
        fig.put("sessionsMissed", missed);
        fig.put("daysLost", BigDecimal.valueOf(missed).divide(BigDecimal.valueOf(2), 1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString());
        fig.put("authorised", f.authorisedAbsence());
        fig.put("unauthorised", f.unauthorisedAbsence());
        fig.put("lateAfterClose", f.lateAfterClose());
        fig.put("denominator", f.denominator());
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("figures", fig);
        return facts;
    }

    private static Map<String, Object> illnessFacts(long sessions, String window) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("figures", Map.of("illnessSessions", sessions, "illnessWindow", window));
        return facts;
    }

    static Map<String, Object> model(SchoolView school, PupilView p, List<ContactView> family, LocalDate date, Map<String, Object> facts) {
        Map<String, Object> m = new LinkedHashMap<>(facts);
        Map<String, Object> pupil = new LinkedHashMap<>();
        pupil.put("name", p.displayName());
        pupil.put("forename", p.preferredForename() != null ? p.preferredForename() : p.legalForename());
        pupil.put("form", p.form());
        pupil.put("yearGroup", p.yearGroup());
        m.put("pupil", pupil);
        List<String> names = family.stream().filter(c -> c.parentalResponsibility() && !c.noContact()).map(ContactView::name).toList();
        m.put("parents", names.isEmpty() ? "the parents and carers of " + p.displayName() : String.join(" and ", names));
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", school.name());
        s.put("address", school.address() == null ? "" : school.address());
        s.put("phone", school.phone() == null ? "" : school.phone());
        s.put("email", school.email() == null ? "" : school.email());
        m.put("school", s);
        m.put("date", LONG_DATE.format(date));
        return m;
    }

    private String write(Map<String, Object> model) {
        try {
            return json.writeValueAsString(model);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
