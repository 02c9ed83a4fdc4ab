package uk.openattendance.school.domain;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Objects;

/**
 * One register's times for one register group. An arrival up to {@code lateAfter} is on time; after it, late (L);
 * from {@code unauthorisedFrom}, U. Schools differ: U at register close (most), 15 minutes after close (a church
 * trust), or at a fixed time such as 9:15 (a Portsmouth primary), so U has its own time rather than being close.
 */
public record SessionTiming(LocalTime opensAt, LocalTime lateAfter, LocalTime closesAt, LocalTime unauthorisedFrom) {

    public SessionTiming {
        Objects.requireNonNull(opensAt, "opensAt");
        Objects.requireNonNull(lateAfter, "lateAfter");
        Objects.requireNonNull(closesAt, "closesAt");
        Objects.requireNonNull(unauthorisedFrom, "unauthorisedFrom");
    }

    public static SessionTiming of(String opens, String lateAfter, String closes, String unauthorisedFrom) {
        return new SessionTiming(LocalTime.parse(opens), LocalTime.parse(lateAfter), LocalTime.parse(closes), LocalTime.parse(unauthorisedFrom));
    }

    /** How long the register stays open; the law wants at most 30 minutes and the same length every session. */
    public Duration openFor() {
        return Duration.between(opensAt, closesAt);
    }

    public ArrivalMark classify(LocalTime arrivedAt) {
        if (!arrivedAt.isAfter(lateAfter)) {
            return new ArrivalMark(ArrivalMark.Kind.ON_TIME, 0);
        }
        int minutesLate = (int) Math.ceil(Duration.between(lateAfter, arrivedAt).getSeconds() / 60.0);
        ArrivalMark.Kind kind = arrivedAt.isBefore(unauthorisedFrom) ? ArrivalMark.Kind.LATE : ArrivalMark.Kind.UNAUTHORISED_LATE;
        return new ArrivalMark(kind, minutesLate);
    }
}
