package uk.openattendance.school.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which days and sessions are school time: weekdays inside a term, outside its half-term break, and not closed. A
 * school that has not entered any terms yet is open every weekday (less its closures), so registers can start on day one.
 */
public record SchoolCalendar(List<Term> terms, List<Closure> closures) {

    public SchoolCalendar {
        terms = List.copyOf(terms);
        closures = List.copyOf(closures);
    }

    public boolean isSchoolDay(LocalDate date) {
        return isTermWeekday(date) && closures.stream().noneMatch(c -> c.closesWholeSchoolAllDay(date));
    }

    /** A session a register group must be registered for; a partial closure can close one group or one session only. */
    public boolean isSessionOpen(LocalDate date, Session session, Long registerGroupId) {
        return isTermWeekday(date) && closures.stream().noneMatch(c -> c.closes(date, session, registerGroupId));
    }

    /** Why a weekday is not a school day, in words the office uses; empty when it is one. */
    public Optional<String> whyClosed(LocalDate date) {
        DayOfWeek dow = date.getDayOfWeek();
        if (dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY) {
            return Optional.of(date + " is a " + dow.getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.UK));
        }
        Optional<Closure> closure = closures.stream().filter(c -> c.closesWholeSchoolAllDay(date)).findFirst();
        if (closure.isPresent()) {
            return Optional.of(date + " is closed: " + closure.get().kind() + (closure.get().description() == null ? "" : " (" + closure.get().description() + ")"));
        }
        if (!isTermWeekday(date)) {
            return Optional.of(date + " is outside term time or in a half-term break");
        }
        return Optional.empty();
    }

    public Optional<Closure> closureOf(LocalDate date, Session session, Long registerGroupId) {
        return closures.stream().filter(c -> c.closes(date, session, registerGroupId)).findFirst();
    }

    public Optional<Term> termContaining(LocalDate date) {
        return terms.stream().filter(t -> t.contains(date)).findFirst();
    }

    public Optional<DateWindow> halfTermContaining(LocalDate date) {
        return terms.stream().flatMap(t -> t.halfTerms().stream()).filter(h -> h.contains(date)).findFirst();
    }

    /** The school day {@code n} school days after {@code from} (n = 0 is from itself if it is a school day). */
    public Optional<LocalDate> addSchoolDays(LocalDate from, int n) {
        LocalDate day = from;
        int counted = isSchoolDay(day) ? 0 : -1;
        LocalDate limit = from.plusYears(2);
        while (counted < n && day.isBefore(limit)) {
            day = day.plusDays(1);
            if (isSchoolDay(day)) {
                counted++;
            }
        }
        return counted == n ? Optional.of(day) : Optional.empty();
    }

    /**
     * The last day of the term a pupil joined in. Until a school enters its terms, the conventional English term:
     * autumn to 31 December, spring to 31 March, summer to 31 July (August joiners start in the autumn term).
     */
    public LocalDate endOfTermJoined(LocalDate joined) {
        return termContaining(joined).map(Term::endsOn).orElseGet(() -> {
            int month = joined.getMonthValue();
            if (month >= 8) {
                return LocalDate.of(joined.getYear(), 12, 31);
            }
            return month <= 3 ? LocalDate.of(joined.getYear(), 3, 31) : LocalDate.of(joined.getYear(), 7, 31);
        });
    }

    public List<LocalDate> schoolDays(LocalDate from, LocalDate to) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (isSchoolDay(d)) {
                days.add(d);
            }
        }
        return days;
    }

    private boolean isTermWeekday(LocalDate date) {
        DayOfWeek dow = date.getDayOfWeek();
        if (dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY) {
            return false;
        }
        return terms.isEmpty() || terms.stream().anyMatch(t -> t.contains(date) && !t.inHalfTermBreak(date));
    }

    /** The academic year a date belongs to, e.g. 2025-10-01 is in "2025/26"; years run from 1 August. */
    public static String academicYearOf(LocalDate date) {
        int start = date.getMonthValue() >= 8 ? date.getYear() : date.getYear() - 1;
        return start + "/" + String.format("%02d", (start + 1) % 100);
    }
}
