package uk.openattendance.letters.app;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import uk.openattendance.letters.domain.LadderMemory;
import uk.openattendance.letters.domain.LadderTrigger;
import uk.openattendance.letters.domain.LetterException;
import uk.openattendance.letters.domain.LetterFacts;
import uk.openattendance.letters.domain.LetterKind;
import uk.openattendance.letters.domain.LetterSent;
import uk.openattendance.letters.domain.LetterTrigger;
import uk.openattendance.letters.domain.LetterTriggers;
import uk.openattendance.letters.domain.LetterTriggers.Decision;
import uk.openattendance.letters.domain.PupilAttendanceSnapshot;
import uk.openattendance.letters.domain.WantedLetter;
import uk.openattendance.letters.domain.WindowFigures;
import uk.openattendance.letters.persistence.LetterExceptionRepository;
import uk.openattendance.letters.persistence.LetterStore;
import uk.openattendance.platform.problem.DomainProblem;
import uk.openattendance.register.app.FiguresRow;
import uk.openattendance.register.app.FiguresService;
import uk.openattendance.register.app.SchoolDay;
import uk.openattendance.register.app.WindowRequest;
import uk.openattendance.roll.app.PupilService;
import uk.openattendance.roll.app.PupilView;
import uk.openattendance.school.domain.LetterRules;
import uk.openattendance.school.domain.SchoolCalendar;
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

    private final LetterSnapshots snapshots;
    private final LetterDrafts drafts;
    private final LetterStore store;
    private final LetterExceptionRepository exceptions;
    private final LetterService letters;
    private final PupilService pupils;
    private final FiguresService figures;
    private final SchoolDay schoolDay;

    public LetterRuns(LetterSnapshots snapshots, LetterDrafts drafts, LetterStore store, LetterExceptionRepository exceptions, LetterService letters,
            PupilService pupils, FiguresService figures, SchoolDay schoolDay) {
        this.snapshots = snapshots;
        this.drafts = drafts;
        this.store = store;
        this.exceptions = exceptions;
        this.letters = letters;
        this.pupils = pupils;
        this.figures = figures;
        this.schoolDay = schoolDay;
    }

    /** What a run did; {@code ladderNote} says why the attendance ladder was not stepped (a later date was already run), else null. */
    @Schema(example = "{\"asOf\": \"2026-11-23\", \"pupilsChecked\": 212, \"drafted\": 3, \"suppressed\": 1, \"byKind\": {\"ATTENDANCE\": 2, \"PUNCTUALITY\": 1}, \"millis\": 840}")
    public record RunResult(LocalDate asOf, int pupilsChecked, int drafted, int suppressed, Map<String, Integer> byKind, long millis, @Nullable String ladderNote) {}

    @Transactional
    public RunResult run(Actor actor, long schoolId, LocalDate asOf) {
        return run(actor.require(Permission.LETTERS_SEND, schoolId, "School", schoolId), asOf);
    }

    /**
     * The run itself, for a caller checked for letters or the weekly letter-run job: load what the rules judge, build
     * each pupil's snapshot, let the school's rules decide, write the drafts and where each pupil now stands on the ladder.
     */
    public RunResult run(SchoolScope scope, LocalDate asOf) {
        scope.require(Permission.LETTERS_SEND);
        long schoolId = scope.schoolId();
        long started = System.nanoTime();
        LocalDate date = asOf == null ? schoolDay.of(schoolId).now().toLocalDate() : asOf;
        LetterRules rules = schoolDay.policy(schoolId).letters();
        String year = SchoolCalendar.academicYearOf(date);
        List<PupilView> roll = pupils.wholeRoll(scope).stream().filter(p -> p.onRollOn(date)).toList();

        List<LetterTrigger> triggers = LetterTriggers.of(rules);
        String ladderNote = null;
        LocalDate ladderLatest = rules.levels().isEmpty() ? null : store.lockLadder(schoolId, year, date);
        if (ladderLatest != null && ladderLatest.isAfter(date)) {
            // stepping back in time would count crossings out of order; the later run already wrote about this year's ladder
            ladderNote = "Attendance letters not checked: the ladder was already run as of " + ladderLatest + ", after " + date;
            triggers = triggers.stream().filter(t -> !(t instanceof LadderTrigger)).toList();
        }

        List<Decision> decided = new ArrayList<>();
        Map<Long, LadderMemory> ladders = new HashMap<>();
        for (PupilAttendanceSnapshot s : snapshots.asOf(scope, date, rules, roll)) {
            LetterTriggers.PupilLetters out = LetterTriggers.decide(triggers, s);
            decided.addAll(out.letters());
            // only a changed place is saved: an unchanged one steps the same way again on any re-run
            out.ladder().filter(next -> !next.equals(s.ladder().state()))
                    .ifPresent(next -> ladders.put(s.pupilId(), s.ladder().after(date, next)));
        }
        store.saveLadders(ladders, year);
        LetterDrafts.Written w = drafts.write(scope, date, decided, byId(roll));
        return new RunResult(date, roll.size(), w.drafted(), w.suppressed(), w.byKind(), (System.nanoTime() - started) / 1_000_000, ladderNote);
    }

    /** Drafts one letter now, outside a run (leave decisions, a meeting record, start-of-year letters). */
    @Transactional
    public Optional<LetterView> draft(SchoolScope scope, long pupilId, String kind, String triggerKey, Map<String, Object> facts) {
        scope.require(Permission.LETTERS_SEND);
        long schoolId = scope.schoolId();
        PupilView p = pupils.pupil(scope, pupilId);
        LocalDate today = schoolDay.of(schoolId).now().toLocalDate();
        WantedLetter w = new WantedLetter(p.id(), LetterKind.valueOf(kind), null, triggerKey, new LetterFacts.Supplied(facts), false);
        drafts.write(scope, today, List.of(decision(exceptions.ofSchool(schoolId), w, today)), Map.of(p.id(), p));
        return store.byTrigger(schoolId, pupilId, triggerKey).map(r -> letters.view(r, p));
    }

    private static Decision decision(List<LetterException> exceptions, WantedLetter w, LocalDate date) {
        return new Decision(w, exceptions.stream().filter(e -> e.applies(w.pupilId(), w.templateKind(), date)).map(LetterException::why).findFirst()
                .orElse(null));
    }

    private static Map<Long, PupilView> byId(List<PupilView> roll) {
        return roll.stream().collect(Collectors.toMap(PupilView::id, Function.identity()));
    }

    /** An attendance improvement meeting as held: what was agreed and when it will be reviewed. */
    @Introspected
    @Schema(example = "{\"heldOn\": \"2026-12-01\", \"plan\": \"Nia to go to breakfast club on Mondays; Dad to ring by 08:45 on any day she is unwell\", \"reviewDate\": \"2027-01-19\"}")
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
        FiguresRow row = figures.pupil(scope, pupilId, new WindowRequest(WindowRequest.Kind.YEAR_TO_DATE, null, null, m.heldOn(), null));
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("figures", LetterModel.figures(new WindowFigures(row.window().from(), row.window().to(), row.figures())));
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
        String key = "START_OF_YEAR:" + year;
        Map<Long, List<LetterSent>> sent = store.lettersOfSchool(schoolId);
        List<LetterException> exceptions = this.exceptions.ofSchool(schoolId);
        List<Decision> wanted = roll.stream().filter(p -> sent.getOrDefault(p.id(), List.of()).stream().noneMatch(l -> l.triggerKey().equals(key)))
                .map(p -> decision(exceptions, new WantedLetter(p.id(), LetterKind.START_OF_YEAR, null, key, new LetterFacts.Supplied(Map.of()), false), date))
                .toList();
        LetterDrafts.Written w = drafts.write(scope, date, wanted, byId(roll));
        return new RunResult(date, roll.size(), w.drafted(), w.suppressed(), w.byKind(), (System.nanoTime() - started) / 1_000_000, null);
    }
}
