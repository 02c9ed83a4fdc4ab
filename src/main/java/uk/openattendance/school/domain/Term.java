package uk.openattendance.school.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A term and the half-term break inside it; the two halves either side of the break are the half terms. */
public record Term(String academicYear, String name, LocalDate startsOn, LocalDate endsOn,
                   LocalDate halfTermBreakStartsOn, LocalDate halfTermBreakEndsOn) {

    public Term {
        Objects.requireNonNull(academicYear, "academicYear");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(startsOn, "startsOn");
        Objects.requireNonNull(endsOn, "endsOn");
        if ((halfTermBreakStartsOn == null) != (halfTermBreakEndsOn == null)) {
            throw new IllegalArgumentException("a half-term break needs both a start and an end");
        }
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(startsOn) && !date.isAfter(endsOn);
    }

    public boolean inHalfTermBreak(LocalDate date) {
        return halfTermBreakStartsOn != null && !date.isBefore(halfTermBreakStartsOn) && !date.isAfter(halfTermBreakEndsOn);
    }

    public List<DateWindow> halfTerms() {
        List<DateWindow> halves = new ArrayList<>();
        if (halfTermBreakStartsOn == null) {
            halves.add(new DateWindow(name, startsOn, endsOn));
        } else {
            halves.add(new DateWindow(name + " 1", startsOn, halfTermBreakStartsOn.minusDays(1)));
            halves.add(new DateWindow(name + " 2", halfTermBreakEndsOn.plusDays(1), endsOn));
        }
        return halves;
    }
}
