package uk.openattendance.school.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A letter drafted when attendance falls below {@code attendanceBelow} (or to it, when {@code orEqual}): e.g. 'below 95%',
 * or a traffic light's red at '90% or under'.
 */
public record LetterLevel(String key, String label, BigDecimal attendanceBelow, boolean orEqual, boolean meetingInvitation) {
    public LetterLevel {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(attendanceBelow, "attendanceBelow");
    }

    public boolean reachedBy(BigDecimal attendancePercent) {
        int cmp = attendancePercent.compareTo(attendanceBelow);
        return cmp < 0 || (orEqual && cmp == 0);
    }
}
