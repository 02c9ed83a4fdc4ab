package uk.openattendance.school.domain;

/** What an arrival time means under a session's timings; minutesLate counts from the moment the pupil became late. */
public record ArrivalMark(Kind kind, int minutesLate) {
    public enum Kind {
        ON_TIME,
        LATE,
        UNAUTHORISED_LATE
    }

    public ArrivalMark {
        if (minutesLate < 0) {
            throw new IllegalArgumentException("minutesLate must not be negative");
        }
    }
}
