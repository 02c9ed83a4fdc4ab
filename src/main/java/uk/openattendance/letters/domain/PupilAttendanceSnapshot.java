package uk.openattendance.letters.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import uk.openattendance.register.domain.ContinuousAbsence;
import uk.openattendance.register.domain.Figures;
import uk.openattendance.register.domain.Tally;
import uk.openattendance.school.domain.LetterLevel;
import uk.openattendance.school.domain.SchoolCalendar;

/**
 * Everything the letter rules judge about one pupil as of one date, built once per pupil per run: the ladder window's
 * figures and the level (band) they reach, the term to date with its late arrivals after the register closed, illness
 * sessions and runs, the penalty-notice window, where the pupil stood on the ladder, letters already drafted and when,
 * and the office's exceptions. Pure values: the rules read it and return letters; nothing here loads or saves.
 */
public record PupilAttendanceSnapshot(
        long pupilId,
        LocalDate asOf,
        String academicYear,
        Optional<WindowFigures> ladderWindow,
        LetterLevel band,
        TermToDate term,
        Illness illness,
        Optional<UnauthorisedWindow> penaltyWindow,
        LadderMemory ladder,
        List<LetterSent> sent,
        List<LetterException> exceptions) {

    /** A pupil with fewer possible sessions than this in the ladder's window has too little record for a percentage to mean much. */
    public static final int MIN_POSSIBLE_SESSIONS = 10;

    public PupilAttendanceSnapshot {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(term, "term");
        sent = List.copyOf(sent);
        exceptions = List.copyOf(exceptions);
        if (term.window().to().isAfter(asOf) || ladderWindow.map(w -> w.to().isAfter(asOf)).orElse(false)) {
            throw new IllegalArgumentException("a window ends after the date the run stands for (" + asOf + ")");
        }
    }

    /** The term (or, outside any term, the school year) to date. */
    public record TermToDate(String name, WindowFigures window) {}

    /** Illness (code I) sessions this term and this school year, and each run of whole days of illness in a row this year. */
    public record Illness(long sessionsInTerm, long sessionsInYear, List<ContinuousAbsence.Run> runs) {
        public static final Illness NONE = new Illness(0, 0, List.of());
    }

    /** The national framework's rolling window, present when it holds 10 or more unauthorised sessions. */
    public record UnauthorisedWindow(int sessions, LocalDate from, LocalDate to) {}

    /** The ladder is judged only with enough record in its window. */
    public boolean ladderJudged() {
        return ladderWindow.map(w -> w.figures().possibleSessions() >= MIN_POSSIBLE_SESSIONS).orElse(false);
    }

    /** Arrivals after the register closed (coded U) this term. */
    public int unauthorisedLatesThisTerm() {
        return term.window().figures().unauthorisedLates();
    }

    public boolean alreadyWritten(String triggerKey) {
        return sent.stream().anyMatch(l -> l.triggerKey().equals(triggerKey));
    }

    public static Builder of(long pupilId, LocalDate asOf) {
        return new Builder(pupilId, asOf);
    }

    /** Builds a snapshot from loaded values; the band and illness runs are worked out here. */
    public static final class Builder {
        private final long pupilId;
        private final LocalDate asOf;
        private List<LetterLevel> levels = List.of();
        private WindowFigures ladderWindow;
        private TermToDate term;
        private Illness illness = Illness.NONE;
        private UnauthorisedWindow penalty;
        private LadderMemory ladder = LadderMemory.start();
        private List<LetterSent> sent = List.of();
        private List<LetterException> exceptions = List.of();

        private Builder(long pupilId, LocalDate asOf) {
            this.pupilId = pupilId;
            this.asOf = asOf;
        }

        public Builder ladder(List<LetterLevel> levels, LocalDate from, Figures figures) {
            this.levels = levels;
            this.ladderWindow = figures == null ? null : WindowFigures.asOf(from, asOf, figures, asOf);
            return this;
        }

        public Builder term(String name, LocalDate from, LocalDate to, Figures figures) {
            this.term = new TermToDate(name, WindowFigures.asOf(from, to, figures, asOf));
            return this;
        }

        /**
         * @param sessions one date per session of illness this school year (a day ill all day appears twice)
         * @param termStart the first day of the term containing asOf
         * @param schoolDaysThisYear the school's open days from the start of the year to asOf, in order
         */
        public Builder illness(List<LocalDate> sessions, LocalDate termStart, List<LocalDate> schoolDaysThisYear) {
            if (sessions.isEmpty()) {
                this.illness = Illness.NONE;
                return this;
            }
            List<LocalDate> upToDate = sessions.stream().filter(d -> !d.isAfter(asOf)).toList();
            Map<LocalDate, Long> byDay = upToDate.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            long inTerm = upToDate.stream().filter(d -> !d.isBefore(termStart)).count();
            this.illness = new Illness(inTerm, upToDate.size(), ContinuousAbsence.runs(schoolDaysThisYear, byDay, 1));
            return this;
        }

        public Builder penaltyWindow(int sessions, LocalDate from, LocalDate to) {
            this.penalty = new UnauthorisedWindow(sessions, from, to.isAfter(asOf) ? asOf : to);
            return this;
        }

        public Builder ladderMemory(LadderMemory memory) {
            this.ladder = memory == null ? LadderMemory.start() : memory;
            return this;
        }

        public Builder sent(List<LetterSent> letters) {
            this.sent = letters;
            return this;
        }

        public Builder exceptions(List<LetterException> exceptions) {
            this.exceptions = exceptions;
            return this;
        }

        public PupilAttendanceSnapshot build() {
            TermToDate t = term != null ? term : new TermToDate("year", WindowFigures.asOf(asOf, asOf, Figures.of(Tally.ZERO), asOf));
            Optional<WindowFigures> w = Optional.ofNullable(ladderWindow);
            LetterLevel band = w.filter(x -> x.figures().possibleSessions() >= MIN_POSSIBLE_SESSIONS)
                    .map(x -> new Levels(levels).reachedBy(x.figures().attendancePercent())).orElse(null);
            return new PupilAttendanceSnapshot(pupilId, asOf, SchoolCalendar.academicYearOf(asOf), w, band, t, illness, Optional.ofNullable(penalty),
                    ladder, sent, exceptions);
        }
    }

    /** The trigger keys already written about, for a quick membership test. */
    Set<String> writtenKeys() {
        return sent.stream().map(LetterSent::triggerKey).collect(Collectors.toSet());
    }
}
