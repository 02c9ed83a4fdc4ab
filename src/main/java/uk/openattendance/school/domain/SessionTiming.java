package uk.openattendance.school.domain;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Objects;

/**
 * One register's times for one register group, as the school's policy words them: the register opens at
 * {@code opensAt} and closes at {@code closesAt}; a pupil is late after {@code lateAfter} and U after
 * {@code unauthorisedAfter}. Both marks begin strictly after their time ("children arriving after 9:15am will be marked
 * as an unauthorised absence"), so a pupil at the door at 9:15 exactly is still L. Schools differ: U after register
 * close (most), 15 minutes after close (a church trust), or at a fixed time such as 9:15 (a Portsmouth primary), so U
 * has its own time rather than being close. What an arrival means is decided in one place only:
 * {@code register.domain.ArrivalRule}.
 */
public record SessionTiming(LocalTime opensAt, LocalTime lateAfter, LocalTime closesAt, LocalTime unauthorisedAfter) {

    public SessionTiming {
        Objects.requireNonNull(opensAt, "opensAt");
        Objects.requireNonNull(lateAfter, "lateAfter");
        Objects.requireNonNull(closesAt, "closesAt");
        Objects.requireNonNull(unauthorisedAfter, "unauthorisedAfter");
    }

    public static SessionTiming of(String opens, String lateAfter, String closes, String unauthorisedAfter) {
        return new SessionTiming(LocalTime.parse(opens), LocalTime.parse(lateAfter), LocalTime.parse(closes), LocalTime.parse(unauthorisedAfter));
    }

    /** How long the register stays open; the law wants at most 30 minutes and the same length every session. */
    public Duration openFor() {
        return Duration.between(opensAt, closesAt);
    }
}
