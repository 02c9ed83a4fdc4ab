package uk.openattendance.letters.domain;

import java.time.LocalDate;
import java.util.Objects;
import uk.openattendance.register.domain.Figures;

/**
 * A pupil's figures over a window, and the window itself. The window never ends after the date the run stands for:
 * a letter on a 6 October run quotes a term "to 6 October", not to the term's last day in December.
 */
public record WindowFigures(LocalDate from, LocalDate to, Figures figures) {
    public WindowFigures {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(figures, "figures");
    }

    /** The window clipped to {@code asOf}. */
    public static WindowFigures asOf(LocalDate from, LocalDate to, Figures figures, LocalDate asOf) {
        LocalDate end = to.isAfter(asOf) ? asOf : to;
        return new WindowFigures(from.isAfter(end) ? end : from, end, figures);
    }
}
