package uk.openattendance.register.app;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;

/**
 * Which dates figures cover. {@code kind}: RANGE (from, to), WEEK, HALF_TERM, TERM, YEAR_TO_DATE (each containing
 * {@code date}, default today) or ROLLING_WEEKS ({@code weeks} school weeks ending with the week of {@code date}).
 */
@Introspected
public record WindowRequest(@Nullable Kind kind, @Nullable LocalDate from, @Nullable LocalDate to, @Nullable LocalDate date, @Nullable Integer weeks) {
    public enum Kind {
        RANGE,
        WEEK,
        HALF_TERM,
        TERM,
        YEAR_TO_DATE,
        ROLLING_WEEKS
    }

    public static WindowRequest yearToDate() {
        return new WindowRequest(Kind.YEAR_TO_DATE, null, null, null, null);
    }
}
