package uk.openattendance.school.domain;

import java.time.LocalDate;
import java.util.Objects;

/** A named, inclusive run of dates: a term, a half term, a week. */
public record DateWindow(String name, LocalDate from, LocalDate to) {
    public DateWindow {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("window ends before it starts");
        }
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(to);
    }
}
