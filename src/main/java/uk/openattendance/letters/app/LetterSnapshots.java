package uk.openattendance.letters.app;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import uk.openattendance.letters.domain.LadderMemory;
import uk.openattendance.letters.domain.LetterException;
import uk.openattendance.letters.domain.LetterSent;
import uk.openattendance.letters.domain.PupilAttendanceSnapshot;
import uk.openattendance.letters.persistence.LetterExceptionRepository;
import uk.openattendance.letters.persistence.LetterStore;
import uk.openattendance.register.app.FiguresRow;
import uk.openattendance.register.app.FiguresService;
import uk.openattendance.register.app.MarkView;
import uk.openattendance.register.app.RegisterService;
import uk.openattendance.register.app.SchoolDay;
import uk.openattendance.register.app.WindowRequest;
import uk.openattendance.register.domain.Figures;
import uk.openattendance.register.domain.Tally;
import uk.openattendance.roll.app.PupilView;
import uk.openattendance.school.domain.LetterRules;
import uk.openattendance.school.domain.SchoolCalendar;
import uk.openattendance.school.domain.Term;
import uk.openattendance.security.SchoolScope;
import uk.openattendance.statutory.app.PenaltyNoticeMonitor;

/**
 * Loads, in a handful of school-wide queries, what the letter rules judge, and builds one snapshot per pupil on roll.
 * Only what the school's rules use is loaded (no illness marks for a school without medical letters).
 */
@Singleton
class LetterSnapshots {
    private final FiguresService figures;
    private final RegisterService registers;
    private final PenaltyNoticeMonitor penalties;
    private final LetterStore store;
    private final LetterExceptionRepository exceptions;
    private final SchoolDay schoolDay;

    LetterSnapshots(FiguresService figures, RegisterService registers, PenaltyNoticeMonitor penalties, LetterStore store, LetterExceptionRepository exceptions,
            SchoolDay schoolDay) {
        this.figures = figures;
        this.registers = registers;
        this.penalties = penalties;
        this.store = store;
        this.exceptions = exceptions;
        this.schoolDay = schoolDay;
    }

    List<PupilAttendanceSnapshot> asOf(SchoolScope scope, LocalDate date, LetterRules rules, List<PupilView> roll) {
        long schoolId = scope.schoolId();
        SchoolCalendar calendar = schoolDay.of(schoolId).calendar();
        String year = SchoolCalendar.academicYearOf(date);
        LocalDate yearStart = LocalDate.of(Integer.parseInt(year.substring(0, 4)), 9, 1);
        Optional<Term> term = calendar.termContaining(date);
        LocalDate termStart = term.map(Term::startsOn).orElse(yearStart);
        String termName = term.map(Term::name).orElse("year");
        List<Long> ids = roll.stream().map(PupilView::id).toList();

        Map<Long, FiguresRow> ladderRows = rules.levels().isEmpty() ? Map.of() : perPupil(scope, rules.windowWeeks() == null
                ? new WindowRequest(WindowRequest.Kind.YEAR_TO_DATE, null, null, date, null)
                : new WindowRequest(WindowRequest.Kind.ROLLING_WEEKS, null, null, date, rules.windowWeeks()));
        // the term to the run's date, never to the term's end: no date after the run appears in a letter
        Map<Long, FiguresRow> termRows = rules.punctualityLetterWhenUnauthorisedLatesAbove() == null ? Map.of()
                : perPupil(scope, new WindowRequest(WindowRequest.Kind.RANGE, termStart, date, null, null));
        boolean illnessRules = rules.medicalEvidenceAfterIllnessSessionsInTerm() != null || rules.medicalEvidenceAfterIllnessSessionsInYear() != null
                || rules.evidenceOnConsecutiveIllnessDay() != null;
        Map<Long, List<LocalDate>> illness = !illnessRules ? Map.of() : registers.marksWithCode(scope, "I", yearStart, date).stream()
                .collect(Collectors.groupingBy(MarkView::pupilId, Collectors.mapping(MarkView::date, Collectors.toList())));
        List<LocalDate> schoolDays = rules.evidenceOnConsecutiveIllnessDay() == null ? List.of() : calendar.schoolDays(yearStart, date);
        Map<Long, PenaltyNoticeMonitor.PenaltyCandidate> penalty = penalties.penaltyNoticeMonitor(scope, date).stream()
                .collect(Collectors.toMap(PenaltyNoticeMonitor.PenaltyCandidate::pupilId, Function.identity()));
        Map<Long, LadderMemory> ladders = rules.levels().isEmpty() ? Map.of() : store.ladders(ids, year);
        Map<Long, List<LetterSent>> sent = store.lettersOfSchool(schoolId);
        Map<Long, List<LetterException>> exceptions = this.exceptions.ofSchool(schoolId).stream().collect(Collectors.groupingBy(LetterException::pupilId));

        List<PupilAttendanceSnapshot> out = new ArrayList<>(roll.size());
        for (PupilView p : roll) {
            var b = PupilAttendanceSnapshot.of(p.id(), date);
            FiguresRow l = ladderRows.get(p.id());
            if (l != null) {
                b.ladder(rules.levels(), l.window().from(), l.figures());
            }
            FiguresRow t = termRows.get(p.id());
            b.term(termName, termStart, date, t == null ? Figures.of(Tally.ZERO) : t.figures());
            b.illness(illness.getOrDefault(p.id(), List.of()), termStart, schoolDays);
            PenaltyNoticeMonitor.PenaltyCandidate c = penalty.get(p.id());
            if (c != null) {
                b.penaltyWindow(c.unauthorisedSessions(), c.windowFrom(), c.windowTo());
            }
            out.add(b.ladderMemory(ladders.get(p.id())).sent(sent.getOrDefault(p.id(), List.of())).exceptions(exceptions.getOrDefault(p.id(), List.of()))
                    .build());
        }
        return out;
    }

    private Map<Long, FiguresRow> perPupil(SchoolScope scope, WindowRequest window) {
        Map<Long, FiguresRow> out = new HashMap<>();
        for (FiguresRow r : figures.groups(scope, FiguresService.GroupBy.PUPIL, null, window)) {
            out.put(Long.parseLong(r.key().substring(r.key().indexOf(':') + 1)), r);
        }
        return out;
    }
}
